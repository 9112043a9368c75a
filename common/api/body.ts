import type { ErrorCode } from './error-codes.js';
import type { RouteDecl } from './route.js';
import { describeZodError } from '../errors.js';

/**
 * What a declared route's body must be, checked the same way by the relay (server/src/http/declared.ts)
 * and by the studio tests' fake relay: the content type first, then (JSON) the text against the schema.
 */
export type BodyRefusal = { ok: false; code: ErrorCode; message: string };
export type BodyCheck<T> = { ok: true; value: T } | BodyRefusal;

/** The content type a route with an SDP or bytes body takes (null: any, the route reads JSON or nothing). */
export function contentTypeProblem(r: RouteDecl, contentType: string): BodyRefusal | null {
  if (r.body.kind === 'sdp') {
    const want = r.method === 'PATCH' ? 'application/trickle-ice-sdpfrag' : 'application/sdp';
    return contentType === want ? null : { ok: false, code: 'unsupported_type', message: `this needs Content-Type: ${want}` };
  }
  if (r.body.kind === 'bytes' && !r.body.types.includes(contentType)) return { ok: false, code: 'unsupported_type', message: `this takes ${r.body.types.join(', ')}` };
  return null;
}

/** A JSON body (empty = `{}`) parsed with the route's schema. */
export function parseJsonBody(r: RouteDecl, text: string): BodyCheck<unknown> {
  if (r.body.kind !== 'json') return { ok: true, value: undefined };
  let raw: unknown;
  try {
    raw = text.trim().length ? JSON.parse(text) : {};
  } catch {
    return { ok: false, code: 'bad_request', message: 'request body is not valid JSON' };
  }
  const parsed = r.body.schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'bad_request', message: describeZodError(parsed.error) };
}

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();
