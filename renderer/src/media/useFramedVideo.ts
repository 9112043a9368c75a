import { useEffect, useState } from 'react';
import type { Orientation } from './crop.js';
import { canCropTracks, cropToPortrait } from './portrait-track.js';

/**
 * The video track as the show frames it: the source itself for landscape, a 9:16 centre crop of it
 * for portrait. The crop lives as long as its source and orientation; the source stays the caller's.
 */
export function useFramedVideo(source: MediaStreamTrack | null, orientation: Orientation): MediaStreamTrack | null {
  const [framed, setFramed] = useState<MediaStreamTrack | null>(source);
  useEffect(() => {
    if (!source || orientation === 'landscape' || !canCropTracks()) {
      setFramed(source);
      return;
    }
    const crop = cropToPortrait(source);
    setFramed(crop.track);
    return () => crop.stop();
  }, [source, orientation]);
  return framed;
}
