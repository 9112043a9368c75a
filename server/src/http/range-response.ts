import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Media files served with byte ranges (RFC 9110 §14): Safari will not play a video whose server
 * ignores Range, and seeking asks for ranges. One range per request (what players send); a list of
 * ranges is answered with the whole file, which the RFC allows. Meant to be shared by the replay and the clips.
 */
export type RangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m) return { kind: 'full' }; // not a single byte range we understand: ignored, as the RFC allows
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (end < start) return { kind: 'full' }; // syntactically invalid (last < first): ignored
  return { kind: 'partial', start, end };
}

/**
 * Sends a file honouring Range (206 / 416) with `headers` (Content-Disposition, caching). Answers
 * false without writing when the file does not exist, so the caller answers its own 404.
 */
export async function sendFileRange(req: IncomingMessage, res: ServerResponse, file: string, contentType: string, headers: Record<string, string> = {}): Promise<boolean> {
  let st: Stats;
  try {
    st = await stat(file);
  } catch {
    return false;
  }
  if (!st.isFile()) return false;
  const size = st.size;
  const common = { 'content-type': contentType, 'accept-ranges': 'bytes', 'x-content-type-options': 'nosniff', 'last-modified': st.mtime.toUTCString(), ...headers };
  // If-Range with another date: the file changed (a re-cut), so the whole new file is sent.
  const ifRange = req.headers['if-range'];
  const honour = !ifRange || ifRange === common['last-modified'];
  const range = honour ? parseRange(req.headers.range, size) : ({ kind: 'full' } as const);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}`, 'content-type': 'text/plain; charset=utf-8' });
    res.end('range not satisfiable\n');
    return true;
  }
  const [status, start, end] = range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, size - 1];
  res.writeHead(status, { ...common, 'content-length': String(Math.max(0, end - start + 1)), ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) });
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file, { start, end });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
  return true;
}

/** `attachment` with an ASCII fallback and the real (Korean) name in RFC 5987 `filename*`. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize('NFC').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_').slice(0, 150) || 'download';
  const encoded = encodeURIComponent(filename.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
