import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { describeZodError } from '../../../common/errors.js';
import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../common/limits.js';
import { ViewerToRelay, type RelayToViewer } from '../../../common/protocol/viewer.js';
import { LiveError, type LiveShows, type ViewerPeer } from '../live/live-shows.js';
import { MediaUnavailableError } from '../janus/media-engine.js';
import type { Logger } from '../log.js';
import type { WatchLinks } from '../shows/watch-links.js';
import type { Stage } from '../../../common/stage.js';
import { SerialQueue } from '../live/serial-queue.js';

const HELLO_TIMEOUT_MS = 10_000;
/** Per-connection budget: a burst of 20 messages, refilled at 10 per second. */
const BURST = 20;
const REFILL_PER_SEC = 10;

const LINK_MESSAGES: Record<string, string> = {
  malformed: 'This link is not valid.',
  forged: 'This link is not valid.',
  unknown: 'This link does not exist.',
  expired: 'This link has expired. Ask the seller for a new one.',
  revoked: 'The seller has withdrawn this link.',
};

/**
 * One viewer's WebSocket: hello with the link token, then subscribe/answer.
 * Every message is size-checked and schema-parsed; a bad one gets an error reply and
 * changes nothing, and the connection (and everyone else's) keeps working.
 */
export function handleViewerSocket(ws: WebSocket, socket: Duplex, deps: { links: WatchLinks; live: LiveShows; stageOf: (showId: string) => Stage; log: Logger }): void {
  const { links, live, stageOf, log } = deps;
  let showId: string | null = null;
  let peer: ViewerPeer | null = null;
  let tokens = BURST;
  let lastRefill = Date.now();
  const queue = new SerialQueue();

  const send = (m: RelayToViewer) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  // Whole frames written straight to the socket (compression is off, so ws never holds a partial
  // frame). A viewer that cannot keep up (over 1 MiB queued) is dropped rather than buffered forever.
  const sendFrame = (frame: Buffer) => {
    if (ws.readyState !== ws.OPEN) return;
    if (socket.writableLength > 1024 * 1024) return ws.terminate();
    socket.write(frame);
  };
  const fail = (code: string, message: string) => send({ type: 'error', code, message });

  const helloTimer = setTimeout(() => ws.close(4408, 'hello expected'), HELLO_TIMEOUT_MS);

  ws.on('message', (data, isBinary) => {
    const now = Date.now();
    tokens = Math.min(BURST, tokens + ((now - lastRefill) / 1000) * REFILL_PER_SEC);
    lastRefill = now;
    if (tokens < 1) return fail('rate_limited', 'too many messages; slow down');
    tokens -= 1;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
    if (isBinary) return fail('bad_message', 'messages must be JSON text');
    if (size > MAX_SIGNAL_MESSAGE_BYTES) return fail('too_large', `message is larger than ${MAX_SIGNAL_MESSAGE_BYTES} bytes`);
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return fail('bad_json', 'message is not valid JSON');
    }
    const parsed = ViewerToRelay.safeParse(raw);
    if (!parsed.success) return fail('bad_message', describeZodError(parsed.error));
    const msg = parsed.data;
    // One request at a time per viewer: two overlapping subscribes must not both create a Janus handle.
    void queue.run(() => dispatch(msg)).catch((e: unknown) => {
      if (e instanceof LiveError) return fail(e.code, e.message);
      if (e instanceof MediaUnavailableError) return fail('media_unavailable', 'The picture is temporarily unavailable; retrying.');
      log.warn('viewer request failed', { type: msg.type, error: (e as Error).message });
      fail('internal', 'the relay could not do that; retrying may help');
    });
  });

  async function dispatch(msg: ViewerToRelay): Promise<void> {
    if (msg.type === 'hello') {
      if (peer) return fail('bad_message', 'hello was already sent');
      const resolved = links.resolve(msg.token);
      if (!resolved.ok) {
        fail(`link_${resolved.reason}`, LINK_MESSAGES[resolved.reason] ?? 'This link is not valid.');
        ws.close(4403, 'link not valid');
        return;
      }
      clearTimeout(helloTimer);
      showId = resolved.showId;
      const viewerId = msg.viewerId ?? randomBytes(16).toString('base64url');
      peer = { viewerId, send, sendFrame, subscriber: null };
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
      return;
    }
    if (!peer || !showId) return fail('bad_message', 'send hello with the link token first');
    if (msg.type === 'subscribe') return live.subscribe(showId, peer);
    if (msg.type === 'answer') return live.answer(peer, msg.epoch, msg.sdp);
  }

  ws.on('close', () => {
    clearTimeout(helloTimer);
    if (peer && showId) void live.removeViewer(showId, peer);
  });
  ws.on('error', () => undefined);
}
