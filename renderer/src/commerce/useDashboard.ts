import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../common/analytics.js';
import { bridge } from '../bridge.js';
import { useErrorText } from '../errors/error-text.js';

/** How often the live room asks again when no dashboard event came (events are the normal path). */
const FALLBACK_MS = 20_000;

/** A show's live numbers: one read, then every relay.dashboard event; a quiet fallback read now and then. */
export function useDashboard(showId: string, enabled = true): { dashboard: Dashboard | null; error: string | null } {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let lastEvent = 0;
    const read = () =>
      bridge.invoke('dashboard.get', { showId }).then(
        (d) => {
          if (!alive) return;
          setDashboard((cur) => (cur && cur.at > d.at ? cur : d));
          setError(null);
        },
        (e: unknown) => alive && setError(say(e)),
      );
    const off = bridge.on('relay.dashboard', (p) => {
      if (p.showId !== showId) return;
      lastEvent = Date.now();
      setDashboard(p.dashboard);
      setError(null);
    });
    void read();
    const id = setInterval(() => {
      if (Date.now() - lastEvent > FALLBACK_MS) void read();
    }, FALLBACK_MS);
    return () => {
      alive = false;
      off();
      clearInterval(id);
    };
  }, [showId, enabled, say]);
  return { dashboard, error };
}
