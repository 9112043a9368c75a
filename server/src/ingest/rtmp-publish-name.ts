/**
 * Finds the stream name of RTMP's `publish` command in the bytes a client sent, without being an
 * RTMP server: the relay's front reads the client's bytes on their way to ffmpeg and decides on
 * the key before ffmpeg sees the command (ffmpeg's listen mode checks only the app name).
 *
 * The command is AMF0: string "publish", number (transaction id), null, string (stream name).
 * It is short (≈90 bytes with a 43-character key) so it sits inside one RTMP chunk: OBS and
 * ffmpeg raise the chunk size to 4096 before publishing, and even at the default 128 bytes the
 * command fits. A name split by a chunk header is not found and the connection is refused.
 */
const PUBLISH = Buffer.from([0x02, 0x00, 0x07, ...Buffer.from('publish')]);

export type PublishScan = { found: false } | { found: true; name: string; end: number };

export function findPublishName(bytes: Buffer): PublishScan {
  const at = bytes.indexOf(PUBLISH);
  if (at < 0) return { found: false };
  let p = at + PUBLISH.length;
  // transaction id: AMF0 number (marker 0x00 + 8 bytes)
  if (p + 9 > bytes.length) return { found: false };
  if (bytes[p] !== 0x00) return { found: true, name: '', end: p };
  p += 9;
  if (p + 1 > bytes.length) return { found: false };
  if (bytes[p] === 0x05) p += 1; // command object: null
  if (p + 3 > bytes.length) return { found: false };
  if (bytes[p] !== 0x02) return { found: true, name: '', end: p };
  const len = bytes.readUInt16BE(p + 1);
  if (p + 3 + len > bytes.length) return { found: false };
  // OBS may append "?query" to a key; the key is what comes before it.
  const name = bytes.subarray(p + 3, p + 3 + len).toString('latin1').split('?')[0] ?? '';
  return { found: true, name, end: p + 3 + len };
}
