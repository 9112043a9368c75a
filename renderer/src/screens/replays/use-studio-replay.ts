import { useCallback, useEffect, useState } from 'react';
import type { StudioReplay } from '../../../../common/replay/replay-studio.js';
import { bridge } from '../../bridge.js';
import { useErrorText } from '../../errors/error-text.js';

/** While recording, processing or making the MP4 rendition, the replay is read again this often (the progress bar moves). */
const POLL_MS = 1000;

/** The show's replay as the relay reports it, read again while it changes. */
export function useStudioReplay(showId: string): { replay: StudioReplay | null; error: string | null; reload: () => Promise<void>; set: (r: StudioReplay) => void } {
  const [replay, setReplay] = useState<StudioReplay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();
  const reload = useCallback(async () => {
    try {
      setReplay(await bridge.invoke('replays.get', { showId }));
      setError(null);
    } catch (e) {
      setError(say(e));
    }
  }, [showId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const status = replay?.recording.status;
  const rendition = replay?.recording.rendition.state;
  const moving = status === 'recording' || status === 'processing' || rendition === 'queued' || rendition === 'encoding';
  useEffect(() => {
    if (!moving) return;
    const id = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(id);
  }, [moving, reload]);
  return { replay, error, reload, set: setReplay };
}
