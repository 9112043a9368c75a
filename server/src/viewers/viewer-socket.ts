import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../common/limits.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { ShowFanout } from '../live/live-shows.js';
import { FLOOD_CLOSE, InputGuard, RATE_LIMITED, transportProblem } from './input-guard.js';

/** Frames over this close the socket (1009); larger than any signal message so oversized-but-sane ones get a polite error. */
export const MAX_VIEWER_FRAME_BYTES = 1024 * 1024;
/** A viewer with more than this queued cannot keep up and is dropped rather than buffered forever. */
export const MAX_VIEWER_QUEUED_BYTES = 1024 * 1024;

/** One message from a viewer as the transport saw it. `text` is null when binary or over the signal limit, so a worker need not ship it. */
export interface ViewerInput {
  text: string | null;
  size: number;
  binary: boolean;
}

/**
 * A viewer's WebSocket as the viewer channel drives it, whether the socket lives in this process
 * or in a viewer worker: the channel's logic (hello, schema checks, signaling) is the same for both.
 */
export interface ViewerSocket {
  readonly open: boolean;
  /** The viewer's network address as the relay saw the upgrade (through trusted proxies): new device ids are budgeted per network. */
  readonly address: string;
  send(text: string): void;
  sendFrame(frame: Buffer): void;
  /** Set for worker-held sockets: broadcasts reach them through the worker, once per worker. */
  readonly fanout: ShowFanout | null;
  /** Says which show the socket watches, so a worker can fan that show's broadcasts out to it. */
  join(showId: string): void;
  close(code: number, reason: string): void;
  onInput(listener: (input: ViewerInput) => void): void;
  onClose(listener: () => void): void;
}

/** Writes a ready frame unless the viewer is too far behind; returns false when it should be dropped. */
export function writeFrame(socket: Duplex, frame: Buffer): boolean {
  if (socket.writableLength > MAX_VIEWER_QUEUED_BYTES) return false;
  socket.write(frame);
  return true;
}

/** Cuts a received message down to what the viewer channel checks; the text is kept only when it could be valid. */
export function toInput(data: Buffer | ArrayBuffer | Buffer[], binary: boolean): ViewerInput {
  const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
  if (binary || size > MAX_SIGNAL_MESSAGE_BYTES) return { text: null, size, binary };
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return { text: buf.toString(), size, binary };
}

export type Screened = { k: 'forward'; input: ViewerInput } | { k: 'reply'; message: RelayToViewer } | { k: 'close' };

/**
 * What the transport does with a received message before anyone else sees it: over budget it
 * answers rate_limited itself (and cuts a flood), binary or oversized it answers itself; only
 * the rest goes on to the viewer channel (from a worker: across IPC to the relay).
 */
export function screen(guard: InputGuard, data: Buffer | ArrayBuffer | Buffer[], binary: boolean): Screened {
  const admission = guard.admit();
  if (admission === 'close') return { k: 'close' };
  if (admission === 'refuse') return { k: 'reply', message: RATE_LIMITED };
  const input = toInput(data, binary);
  const problem = transportProblem(input);
  return problem ? { k: 'reply', message: problem } : { k: 'forward', input };
}

/** Sends unless the viewer is too far behind (then cuts it): nothing queues without bound for a socket. */
export function sendBounded(ws: WebSocket, socket: Duplex, text: string): void {
  if (ws.readyState !== ws.OPEN) return;
  if (socket.writableLength > MAX_VIEWER_QUEUED_BYTES) return void ws.terminate();
  ws.send(text);
}

/** Closes a flooding socket; one that does not finish the closing handshake within a second is cut. */
export function closeFlood(ws: WebSocket): void {
  ws.close(FLOOD_CLOSE.code, FLOOD_CLOSE.reason);
  setTimeout(() => ws.terminate(), 1000).unref();
}

/** The in-process transport: a ws WebSocket and its raw socket (for broadcast frames written as-is). */
export function localViewerSocket(ws: WebSocket, socket: Duplex, address: string): ViewerSocket {
  const isOpen = () => ws.readyState === ws.OPEN;
  return {
    address,
    get open() {
      return isOpen();
    },
    send(text) {
      sendBounded(ws, socket, text);
    },
    // Whole frames written straight to the socket (compression is off, so ws never holds a partial frame).
    sendFrame(frame) {
      if (isOpen() && !writeFrame(socket, frame)) ws.terminate();
    },
    fanout: null,
    join: () => undefined,
    close(code, reason) {
      ws.close(code, reason);
    },
    onInput(listener) {
      const guard = new InputGuard();
      let cut = false;
      ws.on('message', (data, isBinary) => {
        if (cut) return;
        const s = screen(guard, data as Buffer | Buffer[], isBinary);
        if (s.k === 'forward') return listener(s.input);
        if (s.k === 'reply') return sendBounded(ws, socket, JSON.stringify(s.message));
        cut = true;
        closeFlood(ws);
      });
    },
    onClose(listener) {
      ws.on('close', listener);
      ws.on('error', () => undefined);
    },
  };
}
