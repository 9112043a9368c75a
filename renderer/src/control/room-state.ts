import type { LiveState } from '../../../common/live-state.js';
import type { ShowStatus } from '../../../common/show.js';

/**
 * What the control room shows, derived from the relay's show status and this window's publisher.
 * The badge, the pill and the buttons all read this one value, so they cannot disagree
 * (never "방송 중" next to "방송 전", never 방송 시작 next to 방송 종료).
 *
 * `interrupted`: the relay says the show is live but this window sends no camera (the tab was
 * closed or reloaded mid-show). The one main action is then Resume, on the same show.
 */
export type RoomPhase = 'preparing' | 'connecting' | 'live' | 'reconnecting' | 'interrupted' | 'failed' | 'ended';

export interface RoomView {
  phase: RoomPhase;
  /** The single main button, if any: go live for the first time, or resume a live show. */
  primary: 'goLive' | 'resume' | null;
  /** End is offered only while the show is (or is becoming) live, and never next to Go live. */
  canEnd: boolean;
  /** This window is sending (or trying to send) the camera. */
  sending: boolean;
}

export function deriveRoom(showStatus: ShowStatus, live: LiveState): RoomView {
  if (showStatus === 'ended' || live.kind === 'ended') return { phase: 'ended', primary: null, canEnd: false, sending: false };
  if (live.kind === 'connecting' || live.kind === 'live' || live.kind === 'reconnecting') return { phase: live.kind, primary: null, canEnd: true, sending: true };
  const relayLive = showStatus === 'live';
  if (live.kind === 'failed') return { phase: 'failed', primary: relayLive ? 'resume' : 'goLive', canEnd: relayLive, sending: false };
  return relayLive ? { phase: 'interrupted', primary: 'resume', canEnd: true, sending: false } : { phase: 'preparing', primary: 'goLive', canEnd: false, sending: false };
}
