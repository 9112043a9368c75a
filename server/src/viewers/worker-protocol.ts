import { z } from 'zod';
import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../common/limits.js';

/**
 * The IPC between the relay and its viewer workers (child_process, 'advanced' serialization so
 * frames travel as Buffers). Short keys: a join storm sends tens of thousands of these.
 * `c` is a connection id the relay chose when it handed the socket over. Both sides parse
 * what they receive; a message that does not parse is logged and dropped.
 */
const connId = z.number().int().nonnegative();
/** Broadcasts and pings are numbered; the worker handles messages in order (chat broadcasts in their own order), so an ack covers all before it that it need not wait for. */
const seq = z.number().int().nonnegative();
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

export const RelayToWorker = z.discriminatedUnion('k', [
  /** A raw socket (sent as the IPC handle) whose upgrade request the worker completes. */
  z.object({ k: z.literal('upgrade'), c: connId, method: z.string(), url: z.string(), headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])), head: bytes }),
  z.object({ k: z.literal('join'), c: connId, show: z.string() }),
  z.object({ k: z.literal('send'), c: connId, text: z.string() }),
  z.object({ k: z.literal('frame'), c: connId, frame: bytes }),
  /**
   * One frame for every connection that joined the show; acknowledged with its seq once written.
   * `lane: 'chat'`: written by the show's next paced chat pass; everything else (cues above all)
   * starts a pass at once, the show's chat not yet written going before it (show-writes.ts).
   */
  z.object({ k: z.literal('broadcast'), seq, show: z.string(), frame: bytes, lane: z.literal('chat').optional() }),
  /** Are you there? Acknowledged with its seq (a worker that stops answering is killed and replaced). */
  z.object({ k: z.literal('ping'), seq }),
  z.object({ k: z.literal('close'), c: connId, code: z.number().int(), reason: z.string().max(120) }),
  /** Close every connection (1001) and exit. */
  z.object({ k: z.literal('stop') }),
]);
export type RelayToWorker = z.infer<typeof RelayToWorker>;

export const WorkerToRelay = z.discriminatedUnion('k', [
  z.object({ k: z.literal('ready'), pid: z.number().int() }),
  z.object({ k: z.literal('open'), c: connId }),
  /** The handshake failed (ws answered 400 and closed the socket). */
  z.object({ k: z.literal('gone'), c: connId }),
  /** A viewer message; `text` only when it is text within the signal limit (the relay still checks everything). */
  z.object({ k: z.literal('input'), c: connId, text: z.string().max(MAX_SIGNAL_MESSAGE_BYTES).nullable(), size: z.number().int().nonnegative(), binary: z.boolean() }),
  z.object({ k: z.literal('closed'), c: connId }),
  /** This broadcast is written to every socket of its show here; or every message up to this ping is handled. */
  z.object({ k: z.literal('ack'), seq }),
]);
export type WorkerToRelay = z.infer<typeof WorkerToRelay>;
