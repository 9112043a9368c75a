/**
 * The studio's live state as a pure reducer, so the renderer shows one truth and tests can drive it.
 * idle → connecting → live ⇄ reconnecting → ended; `failed` carries a message a seller can act on.
 */
export type LiveState =
  | { kind: 'idle' }
  | { kind: 'connecting'; showId: string }
  | { kind: 'live'; showId: string; since: number }
  | { kind: 'reconnecting'; showId: string; since: number; attempt: number }
  | { kind: 'ended'; showId: string }
  | { kind: 'failed'; showId: string | null; message: string };

export type LiveEvent =
  | { type: 'goLive'; showId: string }
  | { type: 'mediaConnected'; at: number }
  | { type: 'mediaLost'; at: number }
  | { type: 'retry' }
  | { type: 'end' }
  | { type: 'fail'; message: string }
  | { type: 'reset' };

export function liveReducer(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'goLive':
      return state.kind === 'live' || state.kind === 'reconnecting' ? state : { kind: 'connecting', showId: event.showId };
    case 'mediaConnected':
      if (state.kind === 'connecting' || state.kind === 'reconnecting') return { kind: 'live', showId: state.showId, since: event.at };
      return state;
    case 'mediaLost':
      if (state.kind === 'live') return { kind: 'reconnecting', showId: state.showId, since: event.at, attempt: 1 };
      return state;
    case 'retry':
      return state.kind === 'reconnecting' ? { ...state, attempt: state.attempt + 1 } : state;
    case 'end':
      return 'showId' in state && state.showId ? { kind: 'ended', showId: state.showId } : state;
    case 'fail':
      return { kind: 'failed', showId: 'showId' in state ? state.showId : null, message: event.message };
    case 'reset':
      return { kind: 'idle' };
  }
}

/** Backoff for republishing: quick first tries (a Wi-Fi blip), then at most every 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(5000, 500 * 2 ** Math.max(0, attempt - 1));
}
