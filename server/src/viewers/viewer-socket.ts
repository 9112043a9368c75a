import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../common/limits.js';
import type { ShowFanout } from '../live/live-shows.js';

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

/** The in-process transport: a ws WebSocket and its raw socket (for broadcast frames written as-is). */
export function localViewerSocket(ws: WebSocket, socket: Duplex): ViewerSocket {
  const isOpen = () => ws.readyState === ws.OPEN;
  return {
    get open() {
      return isOpen();
    },
    send(text) {
      if (isOpen()) ws.send(text);
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
      ws.on('message', (data, isBinary) => listener(toInput(data as Buffer | Buffer[], isBinary)));
    },
    onClose(listener) {
      ws.on('close', listener);
      ws.on('error', () => undefined);
    },
  };
}
