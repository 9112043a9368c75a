/**
 * Capture times carried inside the video: the studio appends a 12-byte trailer to every encoded
 * frame (float64 capture time in the studio's clock, then the magic "LCs1"); viewers strip it
 * before decoding and learn which capture instant each rendered frame shows. Janus forwards
 * encoded frames untouched, so the trailer survives the SFU (verified; see ../shared/VERIFIED.md).
 */
export const STAMP_BYTES = 12;
const MAGIC = 0x4c437331; // "LCs1"

export function appendStamp(payload: ArrayBuffer, captureMs: number): ArrayBuffer {
  const out = new Uint8Array(payload.byteLength + STAMP_BYTES);
  out.set(new Uint8Array(payload), 0);
  const view = new DataView(out.buffer);
  view.setFloat64(payload.byteLength, captureMs);
  view.setUint32(payload.byteLength + 8, MAGIC);
  return out.buffer;
}

/** Splits a frame into its payload and capture time; null when the frame carries no stamp. */
export function readStamp(frame: ArrayBuffer): { payload: ArrayBuffer; captureMs: number } | null {
  if (frame.byteLength < STAMP_BYTES + 1) return null;
  const view = new DataView(frame);
  const at = frame.byteLength - STAMP_BYTES;
  if (view.getUint32(at + 8) !== MAGIC) return null;
  const captureMs = view.getFloat64(at);
  if (!Number.isFinite(captureMs)) return null;
  return { payload: frame.slice(0, at), captureMs };
}
