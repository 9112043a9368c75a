import { describeZodError } from '../../../common/errors.js';
import { ViewerToRelay, type RelayToViewer } from '../../../common/protocol/viewer.js';
import { LiveError, type LiveShows, type ViewerPeer } from '../live/live-shows.js';
import { MediaUnavailableError } from '../janus/media-engine.js';
import type { Logger } from '../log.js';
import type { WatchLinks } from '../shows/watch-links.js';
import type { Stage } from '../../../common/stage.js';
import { SerialQueue } from '../live/serial-queue.js';
import type { ViewerSocket } from '../viewers/viewer-socket.js';
import { transportProblem } from '../viewers/input-guard.js';
import { linkSessionsOf } from './link-sessions.js';
import type { ChatService } from '../chat/chat-service.js';

const HELLO_TIMEOUT_MS = 10_000;
/**
 * Requests of one viewer waiting their turn (each may be a Janus round trip): more than this and
 * the next is refused, so a socket cannot pile up work in the relay's main process.
 */
const MAX_PENDING = 4;

const LINK_MESSAGES: Record<string, string> = {
  malformed: 'This link is not valid.',
  forged: 'This link is not valid.',
  unknown: 'This link does not exist.',
  expired: 'This link has expired. Ask the seller for a new one.',
  revoked: 'The seller has withdrawn this link.',
};

/**
 * One viewer's WebSocket (in this process or held by a viewer worker): hello with the link token, then subscribe/answer.
 * Every message is size-checked and schema-parsed; a bad one gets an error reply and
 * changes nothing, and the connection (and everyone else's) keeps working. The transport (worker
 * or in-process) has already applied the per-socket rate budget; revoking the link closes the socket.
 */
export interface ViewerChannelDeps {
  links: WatchLinks;
  live: LiveShows;
  stageOf: (showId: string) => Stage;
  /** The device id this socket watches under: its own if the relay issued it, else a new one (see ViewerRegistry.forSocket). */
  deviceFor: (address: string, claimed: string | undefined) => string;
  chat: ChatService;
  /** The keyed tag of an address's network (identity.ts): chat budgets and bans follow it. */
  networkTagOf: (address: string) => string;
  log: Logger;
}

export function handleViewerSocket(conn: ViewerSocket, deps: ViewerChannelDeps): void {
  const { links, live, stageOf, log } = deps;
  let showId: string | null = null;
  let peer: ViewerPeer | null = null;
  let pending = 0;
  let untrack: (() => void) | null = null;
  const queue = new SerialQueue();

  const send = (m: RelayToViewer) => conn.send(JSON.stringify(m));
  const fail = (code: string, message: string) => send({ type: 'error', code, message });

  const helloTimer = setTimeout(() => conn.close(4408, 'hello expected'), HELLO_TIMEOUT_MS);

  conn.onInput((input) => {
    const problem = transportProblem(input);
    if (problem) return send(problem);
    if (pending >= MAX_PENDING) return fail('rate_limited', 'too many requests waiting; slow down');
    let raw: unknown;
    try {
      raw = JSON.parse(input.text!);
    } catch {
      return fail('bad_json', 'message is not valid JSON');
    }
    const parsed = ViewerToRelay.safeParse(raw);
    if (!parsed.success) return fail('bad_message', describeZodError(parsed.error));
    const msg = parsed.data;
    // One request at a time per viewer: two overlapping subscribes must not both create a Janus handle.
    pending++;
    void queue
      .run(() => dispatch(msg))
      .catch((e: unknown) => {
        if (e instanceof LiveError) return fail(e.code, e.message);
        if (e instanceof MediaUnavailableError) return fail('media_unavailable', 'The picture is temporarily unavailable; retrying.');
        log.warn('viewer request failed', { type: msg.type, error: (e as Error).message });
        fail('internal', 'the relay could not do that; retrying may help');
      })
      .finally(() => pending--);
  });

  let netTag: string | undefined;
  async function dispatch(msg: ViewerToRelay): Promise<void> {
    if (msg.type === 'hello') {
      if (peer) return fail('bad_message', 'hello was already sent');
      if (!conn.open) return; // closed while the hello waited its turn: it must not be counted
      const resolved = links.resolve(msg.token);
      if (!resolved.ok) {
        fail(`link_${resolved.reason}`, LINK_MESSAGES[resolved.reason] ?? 'This link is not valid.');
        conn.close(4403, 'link not valid');
        return;
      }
      clearTimeout(helloTimer);
      showId = resolved.showId;
      untrack = linkSessionsOf(links).add(resolved.linkId, () => {
        fail('link_revoked', LINK_MESSAGES.revoked!);
        conn.close(4403, 'link revoked');
      });
      const viewerId = deps.deviceFor(conn.address, msg.viewerId);
      peer = { viewerId, send, sendFrame: (frame) => conn.sendFrame(frame), fanout: conn.fanout, subscriber: null };
      conn.join(showId);
      live.addViewer(showId, peer);
      send({
        type: 'welcome',
        viewerId,
        show: live.publicShow(showId),
        mediaEpoch: live.mediaEpoch(showId),
        viewers: live.viewerCount(showId),
        stage: stageOf(showId),
        serverNow: Date.now(),
      });
      send(deps.chat.history(showId, viewerId));
      return;
    }
    if (!peer || !showId) return fail('bad_message', 'send hello with the link token first');
    if (msg.type === 'subscribe') return live.subscribe(showId, peer);
    if (msg.type === 'answer') return live.answer(peer, msg.epoch, msg.sdp);
    if (msg.type === 'chat') {
      netTag ??= deps.networkTagOf(conn.address); // an HMAC: once per connection, not per message
      const r = deps.chat.post(showId, peer.viewerId, netTag, msg);
      return send('id' in r ? { type: 'chatAck', ref: msg.ref, id: r.id, refusal: null, retryAfterMs: null } : { type: 'chatAck', ref: msg.ref, id: null, refusal: r.refusal, retryAfterMs: r.retryAfterMs });
    }
    if (msg.type === 'heart') return void deps.chat.heart(showId, peer.viewerId, msg.count ?? 1);
  }

  conn.onClose(() => {
    clearTimeout(helloTimer);
    untrack?.();
    if (peer && showId) void live.removeViewer(showId, peer);
  });
}
