import { useCallback, useEffect, useState } from 'react';
import type { RelayStatus } from '../../common/ipc-contract.js';
import type { Show } from '../../common/show.js';
import { bridge } from './bridge.js';

/** The relay's reachability, key and media engine, from a check on mount plus live events. */
export function useRelayStatus() {
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const refresh = useCallback(async () => {
    try {
      const s = await bridge.invoke('relay.status', {});
      setStatus(s);
      return s;
    } catch {
      return null;
    }
  }, []);
  useEffect(() => {
    const off = bridge.on('relay.status', setStatus);
    void refresh();
    return off;
  }, [refresh]);
  return { status, refresh };
}

export function useViewerCount(showId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => bridge.on('relay.viewers', (p) => p.showId === showId && setCount(p.count)), [showId]);
  return count;
}

/** Calls `apply` with every show update the relay pushes (status, start and end times). */
export function useShowUpdates(apply: (show: Show) => void): void {
  useEffect(() => bridge.on('relay.show', apply), [apply]);
}
