import { readStamp } from '../../../common/frame-stamp.js';

/**
 * Removes the studio's 12-byte capture-stamp trailers from the frames of an IVF file (what
 * `ffmpeg -i part.webm -c:v copy -f ivf` gives) without touching the codec data, and reports
 * [pts, captureMs] per stamped frame for the timeline. Frames without a stamp (OBS ingest) pass
 * through unchanged. IVF: 32-byte file header, then per frame a 12-byte header (u32 size, u64 pts).
 */
const FILE_HEADER = 32;
const FRAME_HEADER = 12;

export interface StrippedIvf {
  ivf: Buffer;
  /** Timebase of the pts values (seconds per tick = den⁻¹ · num). */
  timebase: { num: number; den: number };
  frames: [pts: number, captureMs: number][];
  unstamped: number;
}

export function stripIvfStamps(input: Buffer): StrippedIvf {
  if (input.length < FILE_HEADER || input.toString('latin1', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const headerLen = input.readUInt16LE(6);
  if (headerLen < FILE_HEADER || headerLen > input.length) throw new Error('bad IVF header length');
  const timebase = { den: input.readUInt32LE(16), num: input.readUInt32LE(20) };
  const chunks: Buffer[] = [Buffer.from(input.subarray(0, headerLen))];
  const frames: [number, number][] = [];
  let unstamped = 0;
  let at = headerLen;
  while (at < input.length) {
    if (at + FRAME_HEADER > input.length) throw new Error(`truncated IVF frame header at byte ${at}`);
    const size = input.readUInt32LE(at);
    const pts = Number(input.readBigUInt64LE(at + 4));
    const body = input.subarray(at + FRAME_HEADER, at + FRAME_HEADER + size);
    if (body.length !== size) throw new Error(`truncated IVF frame at byte ${at}`);
    const stamp = readStamp(body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer);
    const payload = stamp ? Buffer.from(stamp.payload) : body;
    if (stamp) frames.push([pts, stamp.captureMs]);
    else unstamped++;
    const head = Buffer.alloc(FRAME_HEADER);
    head.writeUInt32LE(payload.length, 0);
    head.writeBigUInt64LE(BigInt(pts), 4);
    chunks.push(head, payload);
    at += FRAME_HEADER + size;
  }
  return { ivf: Buffer.concat(chunks), timebase, frames, unstamped };
}
