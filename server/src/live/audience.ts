import type { VideoRoomHandle } from 'janode/plugins/videoroom';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import { encodeTextFrame } from '../ws/text-frame.js';

/** Something that writes a show's broadcast frame to many viewer sockets at once (a viewer worker). */
export interface ShowFanout {
  /** `onWritten` (optional) is told when the frame has been written to the fan-out's sockets. */
  broadcast(showId: string, frame: Buffer, onWritten?: (at: number) => void, lane?: BroadcastLane): void;
}

/**
 * `chat`: a chat batch, which a worker writes a slice of sockets at a time so a cue passes it;
 * `live`: everything else, written at once in the order sent.
 */
export type BroadcastLane = 'live' | 'chat';

/** A broadcast reached these devices' sockets at `at` (relay clock). */
export type OnDelivered = (viewerIds: string[], at: number) => void;

/** One viewer's connection as the live layer sees it; the transport lives in the viewer channel. */
export interface ViewerPeer {
  readonly viewerId: string;
  send(message: RelayToViewer): void;
  /** A ready WebSocket frame: a broadcast is serialized and framed once, not once per viewer. */
  sendFrame(frame: Buffer): void;
  /** Set when a worker holds the socket: broadcasts then go once to that worker, not per viewer. */
  readonly fanout: ShowFanout | null;
  subscriber: { handle: VideoRoomHandle; epoch: number } | null;
}

/** A show's viewers: the sockets in this process, and the workers holding the others (with how many each). */
export interface Audience {
  showId: string;
  viewers: Set<ViewerPeer>;
  local: Set<ViewerPeer>;
  fanouts: Map<ShowFanout, number>;
}

/** Messages as back-to-back WebSocket frames: one write per socket carries them all, in order. */
export const framesOf = (messages: readonly RelayToViewer[]): Buffer => Buffer.concat(messages.map((m) => encodeTextFrame(Buffer.from(JSON.stringify(m)))));

/**
 * Writes a frame to every viewer, on the same channel as each viewer's unicasts (so each still gets
 * its messages in order). With `onDelivered`, says when it reached whom: sockets in this process at
 * once (reported after the caller's turn), each worker's when it acknowledges.
 */
export function writeToAudience(a: Audience, frame: Buffer, onDelivered?: OnDelivered, lane: BroadcastLane = 'live'): void {
  if (a.viewers.size === 0) return;
  if (!onDelivered) {
    for (const f of a.fanouts.keys()) f.broadcast(a.showId, frame, undefined, lane);
    for (const v of a.local) v.sendFrame(frame);
    return;
  }
  const byFanout = new Map<ShowFanout, string[]>();
  for (const v of a.viewers) if (v.fanout) (byFanout.get(v.fanout) ?? byFanout.set(v.fanout, []).get(v.fanout)!).push(v.viewerId);
  for (const f of a.fanouts.keys()) f.broadcast(a.showId, frame, (at) => onDelivered(byFanout.get(f) ?? [], at), lane);
  for (const v of a.local) v.sendFrame(frame);
  const local = [...a.local].map((v) => v.viewerId);
  const at = Date.now();
  if (local.length > 0) queueMicrotask(() => onDelivered(local, at));
}
