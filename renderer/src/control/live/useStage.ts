import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Stage } from '../../../../common/stage.js';
import { NO_FACTS, overlay, withStock, type LiveFacts } from '../../../../common/stage-overlay.js';
import { bridge } from '../../bridge.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * What viewers of a show see over the video: loaded with `stage.get`, then kept current by the
 * relay's `relay.stage` events and by the answers to our own firings. An older version never
 * replaces a newer one (an answer and an event can cross); an explicit refresh always wins.
 * The relay's `stock` events between two stages are laid over the stage shown, with the watch
 * page's own overlay (common/stage-overlay.ts), so the host's panel ticks as viewers' cards do.
 */
export function useStage(showId: string) {
  const [stage, setStage] = useState<Stage | null>(null);
  const [facts, setFacts] = useState<LiveFacts>(NO_FACTS);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();

  const accept = useCallback((s: Stage) => setStage((cur) => (!cur || s.version >= cur.version ? s : cur)), []);

  const refresh = useCallback(async () => {
    try {
      const s = await bridge.invoke('stage.get', { showId });
      setStage(s);
      setError(null);
      return s;
    } catch (e) {
      setError(say(e));
      return null;
    }
  }, [showId, say]);

  useEffect(() => {
    setFacts(NO_FACTS);
    const offStage = bridge.on('relay.stage', (p) => p.showId === showId && accept(p.stage));
    const offStock = bridge.on('relay.stock', (p) => p.showId === showId && setFacts((f) => withStock(f, p.items)));
    void refresh();
    return () => {
      offStage();
      offStock();
    };
  }, [showId, accept, refresh]);

  const shown = useMemo(() => (stage ? overlay(stage, facts) : null), [stage, facts]);
  return { stage: shown, error, accept, refresh };
}
