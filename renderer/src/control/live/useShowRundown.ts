import { useCallback, useEffect, useState } from 'react';
import type { Rundown } from '../../../../common/rundown.js';
import { bridge } from '../../bridge.js';
import { useErrorText } from '../../errors/error-text.js';

/** The run-down attached to a show (the most recently saved one), reloaded when `version` changes. */
export function useShowRundown(showId: string, version: number) {
  const [rundown, setRundown] = useState<Rundown | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();
  const load = useCallback(async () => {
    try {
      const list = await bridge.invoke('rundowns.list', {});
      const mine = list.filter((r) => r.showId === showId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
      setRundown(mine);
      setError(null);
    } catch (e) {
      setError(say(e));
    } finally {
      setLoaded(true);
    }
  }, [showId, say]);
  useEffect(() => void load(), [load, version]);
  return { rundown, loaded, error, reload: load };
}
