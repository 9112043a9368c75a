import { useCallback, useState } from 'react';
import { ORIENTATIONS, type Orientation } from './crop.js';

const key = (showId: string) => `lc.orientation.${showId}`;

function read(showId: string): Orientation {
  try {
    const v = localStorage.getItem(key(showId));
    return ORIENTATIONS.includes(v as Orientation) ? (v as Orientation) : 'landscape';
  } catch {
    return 'landscape';
  }
}

/**
 * The show's frame, remembered per show on this studio (a reopened control room keeps it; a
 * rehearsal has its own show id and its own choice). Viewers need no copy: they read the shape
 * from the video itself.
 */
export function useShowOrientation(showId: string): [Orientation, (o: Orientation) => void] {
  const [value, setValue] = useState<Orientation>(() => read(showId));
  const set = useCallback(
    (o: Orientation) => {
      setValue(o);
      try {
        localStorage.setItem(key(showId), o);
      } catch {
        // Storage full or blocked: the choice holds for this session only.
      }
    },
    [showId],
  );
  return [value, set];
}
