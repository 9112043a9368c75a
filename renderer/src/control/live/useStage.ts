import { useCallback, useEffect, useState } from 'react';
import type { Stage } from '../../../../common/stage.js';
import { bridge } from '../../bridge.js';

/**
 * What viewers of a show see over the video: loaded with `stage.get`, then kept current by the
 * relay's `relay.stage` events and by the answers to our own firings. An older version never
 * replaces a newer one (an answer and an event can cross); an explicit refresh always wins.
 */
export function useStage(showId: string) {
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const accept = useCallback((s: Stage) => setStage((cur) => (!cur || s.version >= cur.version ? s : cur)), []);

  const refresh = useCallback(async () => {
    try {
      const s = await bridge.invoke('stage.get', { showId });
      setStage(s);
      setError(null);
      return s;
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  }, [showId]);

  useEffect(() => {
    const off = bridge.on('relay.stage', (p) => p.showId === showId && accept(p.stage));
    void refresh();
    return off;
  }, [showId, accept, refresh]);

  return { stage, error, accept, refresh };
}
