import type { seededRandom } from '../../common/testing/seeded-random.js';

/**
 * Generators for the relay fuzz test: request lines, paths with percent-escapes, headers,
 * bodies, SDP and WebSocket frames, drawn from the project's seeded generator so a failing
 * run replays with the same seed. Everything is bounded in size.
 */
export type Rng = ReturnType<typeof seededRandom>;

/** Bytes from the seeded generator (not crypto), so a run replays exactly. */
export function bytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
  return b;
}

export interface FuzzContext {
  /** A real watch token: watch routes and hellos sometimes get it, to reach deeper code. */
  token: string;
  studioKey: string;
}

const ROUTES = [
  '/w/:token', '/api/health', '/api/shows', '/api/shows/:id', '/api/shows/:id/links', '/api/shows/:id/stage', '/api/shows/:id/cues',
  '/api/shows/:id/report.csv', '/api/links/:id/revoke', '/api/orders/:id/paid', '/api/studio/session', '/api/assets', '/assets/:id',
  '/watch-assets/:id', '/api/watch/:token/orders', '/api/watch/:token/quote', '/api/watch/:token/viewers', '/api/watch/:token/coupons/claim',
  '/api/watch/:token/polls/vote', '/api/watch/:token/quizzes/answer', '/api/watch/:token/quizzes/:id/outcome', '/api/watch/:token/events',
  '/whip/shows/:id', '/whip/sessions/:id', '/ws/watch', '/api/studio/events', '/', '/favicon.ico',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'CONNECT', 'TRACE', 'get', 'G\u00c9T', 'POST ', ''];
const ESCAPES = ['%E0%A4%A', '%', '%Z1', '%C0%AF', '%ED%A0%80', '%00', '%2F', '%25', '%FF%FE', '%F0%9F%98', '%u0041', '%%', '%E2%82%AC', '%20'];
const ODD = ['..', '.', '[', ']', '//[', '@', '::1', '\\', '\u00e9', '\ud83d\ude00', '봄', '?', '#', ';', '*'];

/** A random path segment: text, escapes (valid and not), odd characters, sometimes very long. */
export function segment(rng: Rng, ctx: FuzzContext): string {
  const parts: string[] = [];
  const n = rng.int(0, 6);
  for (let i = 0; i < n; i++) {
    const k = rng.int(0, 9);
    if (k < 3) parts.push(bytes(rng, rng.int(1, 12)).toString('base64url'));
    else if (k < 6) parts.push(rng.pick(ESCAPES));
    else if (k < 8) parts.push(rng.pick(ODD));
    else if (k === 8) parts.push(ctx.token);
    else parts.push('x'.repeat(rng.int(100, 9000)));
  }
  return parts.join('');
}

/** A request target: a route with random params, sometimes mangled into something no URL parser takes. */
export function target(rng: Rng, ctx: FuzzContext): string {
  let path = rng.pick(ROUTES).replace(/:(\w+)/g, () => segment(rng, ctx));
  const k = rng.int(0, 11);
  if (k === 0) path = '//[' + path;
  else if (k === 1) path = 'http://[' + path;
  else if (k === 2) path = '*';
  else if (k === 3) path = 'http://127.0.0.1' + path;
  else if (k === 4) path = '/' + path;
  else if (k === 5) path += '?' + segment(rng, ctx) + '=' + segment(rng, ctx);
  else if (k === 6) path = path.replaceAll('/', rng.pick(['%2F', '\\', '//']));
  return path;
}

/** A body: JSON that may or may not fit a schema, broken JSON, deep nesting, bytes, SDP. */
export function body(rng: Rng, ctx: FuzzContext): Buffer {
  const k = rng.int(0, 9);
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  if (k === 0) return Buffer.alloc(0);
  if (k === 1) return bytes(rng, rng.int(1, 2048));
  if (k === 2) return Buffer.from('['.repeat(rng.int(10, 20_000)));
  if (k === 3) return Buffer.from('{"title":' + segment(rng, ctx));
  if (k === 4) return json({ title: segment(rng, ctx), scheduledAt: rng.pick([null, 'soon', 12, '2099-12-01T11:00:00+09:00']) });
  if (k === 5) return json({ productId: segment(rng, ctx), quantity: rng.pick([1, -1, 1e309, 0.5, '1', null]), idempotencyKey: segment(rng, ctx), viewerId: segment(rng, ctx) });
  if (k === 6) return Buffer.from(sdp(rng));
  if (k === 7) return json({ firingId: segment(rng, ctx), baseVersion: rng.pick([0, -1, 1e20, 'a']), captureMs: rng.pick([null, Infinity, 1]), op: { op: rng.pick(['pin', 'clearCards', 'x']) } });
  if (k === 8) return json({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, toString: 1 });
  return Buffer.from('x'.repeat(rng.int(200_000, 300_000)));
}

const SDP_LINES = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=ice-ufrag:abcd', 'a=ice-pwd:0123456789abcdefghijklmn', 'a=fingerprint:sha-256 AA:BB', 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=rtpmap:96 VP8/90000', 'a=candidate:1 1 udp 1 127.0.0.1 9 typ host'];

/** An SDP-like text: the lines of a WebRTC offer, shuffled, dropped, repeated or corrupted. */
export function sdp(rng: Rng): string {
  const lines: string[] = [];
  for (const line of SDP_LINES) {
    const k = rng.int(0, 9);
    if (k === 0) continue;
    if (k === 1) lines.push(line.slice(0, rng.int(0, line.length)) + String.fromCharCode(rng.int(0, 255)));
    else if (k === 2) for (let i = rng.int(1, 40); i > 0; i--) lines.push(line);
    else lines.push(line);
  }
  if (rng.int(0, 3) === 0) lines.sort(() => rng.next() - 0.5);
  return lines.join(rng.pick(['\r\n', '\n', '\r'])) + '\r\n';
}

/** Extra headers: lies about length, odd encodings, credentials right and wrong, bytes no header may hold. */
export function headers(rng: Rng, ctx: FuzzContext, bodyLength: number): string[] {
  const out: string[] = [];
  const k = rng.int(0, 9);
  if (k < 6) out.push(`Content-Length: ${bodyLength}`);
  else if (k === 6) out.push(`Content-Length: ${rng.pick(['-1', 'abc', '99999999999999999999', String(bodyLength + 10), '0, 5', ' 1e3'])}`);
  else if (k === 7) out.push('Transfer-Encoding: chunked');
  else if (k === 8) out.push('Transfer-Encoding: chunked', `Content-Length: ${bodyLength}`);
  const auth = rng.int(0, 5);
  if (auth === 0) out.push(`Authorization: Bearer ${ctx.studioKey}`);
  else if (auth === 1) out.push(`Authorization: ${rng.pick(['Bearer', 'Basic Zm9v', 'Bearer ' + 'k'.repeat(5000), 'Bearer sk_\u00ff'])}`);
  if (rng.int(0, 2) === 0) out.push(`Content-Type: ${rng.pick(['application/json', 'application/sdp', 'text/plain', 'application/sdp; charset=x', '', 'multipart/form-data; boundary='])}`);
  if (rng.int(0, 4) === 0) out.push(`${rng.pick(['Origin', 'X-Viewer-Id', 'Cookie', 'Host', 'Upgrade', 'Sec-WebSocket-Key', 'Bad Header', 'X\u0000Y'])}: ${segment(rng, ctx)}`);
  if (rng.int(0, 9) === 0) out.push(`X-Long: ${'y'.repeat(rng.int(10_000, 20_000))}`);
  return out;
}

/** One whole HTTP request as bytes (possibly unparseable). */
export function httpRequest(rng: Rng, ctx: FuzzContext): Buffer {
  const b = body(rng, ctx);
  const version = rng.pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1.1x', '']);
  const eol = rng.int(0, 9) === 0 ? '\n' : '\r\n';
  const head = [`${rng.pick(METHODS)} ${target(rng, ctx)} ${version}`.trimEnd(), 'Host: 127.0.0.1', 'Connection: close', ...headers(rng, ctx, b.length)];
  return Buffer.concat([Buffer.from(head.join(eol) + eol + eol, 'latin1'), b]);
}

/** One WebSocket frame from a client: usually masked and well-formed, sometimes anything but. */
export function wsFrame(rng: Rng, payload: Buffer): Buffer {
  const k = rng.int(0, 11);
  const fin = k === 0 ? 0 : 0x80;
  const rsv = k === 1 ? rng.int(1, 7) << 4 : 0;
  const opcode = k === 2 ? rng.int(0, 15) : k === 3 ? rng.pick([0x2, 0x8, 0x9, 0xa]) : 0x1;
  const masked = k !== 4;
  const n = payload.length;
  const lengthForm = k === 5 ? 127 : n < 126 ? n : n < 65_536 ? 126 : 127;
  const header = [fin | rsv | opcode, (masked ? 0x80 : 0) | lengthForm];
  const ext = lengthForm === 126 ? Buffer.alloc(2) : lengthForm === 127 ? Buffer.alloc(8) : Buffer.alloc(0);
  if (lengthForm === 126) ext.writeUInt16BE(n);
  // k === 5: claims a length far beyond what is sent (or what any limit allows).
  if (lengthForm === 127) ext.writeBigUInt64BE(k === 5 ? BigInt(rng.pick(['9223372036854775807', '4294967296', '2097152'])) : BigInt(n));
  const mask = masked ? bytes(rng, 4) : Buffer.alloc(0);
  const data = Buffer.from(payload);
  if (masked) for (let i = 0; i < data.length; i++) data[i]! ^= mask[i % 4]!;
  return Buffer.concat([Buffer.from(header), ext, mask, data]);
}

/** What a viewer might say on the watch socket, right or wrong. */
export function viewerMessage(rng: Rng, ctx: FuzzContext): Buffer {
  const k = rng.int(0, 9);
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  if (k === 0) return json({ type: 'hello', token: ctx.token, viewerId: rng.pick([undefined, segment(rng, ctx), 'a'.repeat(22)]) });
  if (k === 1) return json({ type: 'hello', token: segment(rng, ctx) });
  if (k === 2) return json({ type: 'answer', epoch: rng.pick([0, 1, -1, 1e300, 'x']), sdp: sdp(rng) });
  if (k === 3) return json({ type: 'subscribe', extra: segment(rng, ctx) });
  if (k === 4) return Buffer.from('['.repeat(rng.int(10, 60_000)));
  if (k === 5) return bytes(rng, rng.int(0, 300));
  if (k === 6) return Buffer.from([0xc3, 0x28, 0xa0, 0xa1]); // not UTF-8
  if (k === 7) return Buffer.from('x'.repeat(rng.int(60_000, 70_000)));
  if (k === 8) return json({ type: rng.pick(['hello', 'answer', 'subscribe', 'toString', '__proto__']), token: 1, sdp: null });
  return body(rng, ctx).subarray(0, 70_000);
}
