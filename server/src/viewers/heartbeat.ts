/** What the heartbeat needs of a WebSocket (ws's WebSocket has all of it). */
export interface Pingable {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

const SLICES = 10;
const state = new WeakMap<Pingable, { alive: boolean; slice: number }>();
let nextSlice = 0;

/** Enrols a socket: its pongs mark it alive. */
export function keepAlive<T extends Pingable>(ws: T): T {
  const s = { alive: true, slice: nextSlice++ % SLICES };
  state.set(ws, s);
  ws.on('pong', () => (s.alive = true));
  return ws;
}

/**
 * Pings every enrolled socket once per period and cuts one that did not answer the previous
 * ping (a phone that walked out of coverage). A tenth of them at a time, every tenth of the
 * period: 10,000 pings in one burst cost as much as a cue's fan-out and would delay one.
 */
export function startHeartbeat(periodMs: number, sockets: () => Iterable<Pingable>): NodeJS.Timeout {
  let tick = 0;
  return setInterval(
    () => {
      const slice = tick++ % SLICES;
      for (const ws of sockets()) {
        const s = state.get(ws);
        if (!s || s.slice !== slice) continue;
        if (!s.alive) {
          ws.terminate();
          continue;
        }
        s.alive = false;
        ws.ping();
      }
    },
    Math.max(10, Math.round(periodMs / SLICES)),
  );
}
