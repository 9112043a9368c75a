import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { contentTypeProblem, mediaType, parseJsonBody, type BodyCheck } from '../../common/api/body.js';
import { ERRORS, type ErrorCode } from '../../common/api/error-codes.js';
import { allowedMethods, matchRoute } from '../../common/api/match.js';
import { RELAY_ROUTES, type RelayRouteName } from '../../common/api/relay-routes.js';
import type { PathParams, RouteDecl } from '../../common/api/route.js';

/**
 * The request handling of the FAKE relay, derived from the relay's declared routes: which method
 * and path exist, who may call them, how bodies are read and what status answers them all come
 * from common/api/relay-routes.ts, exactly as in the real relay. The fake only supplies a handler
 * per route name; tests/integration/studio-contract.test.ts runs the same suite against both.
 */
export class FakeRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type BodyOf<R extends RouteDecl> = R['body'] extends { kind: 'json'; schema: infer S extends z.ZodType } ? z.output<S> : R['body'] extends { kind: 'none' } ? undefined : Buffer;
export type FakeCall<R extends RouteDecl> = { params: PathParams<R>; body: BodyOf<R>; req: IncomingMessage };
/** A JSON value, a text (CSV, SDP), or `{ text, headers }` for answers with headers (WHIP's Location). */
export type FakeAnswer = unknown;
export type FakeHandlers = { [K in RelayRouteName]?: (call: FakeCall<(typeof RELAY_ROUTES)[K]>) => FakeAnswer };

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const refuse = (res: ServerResponse, code: ErrorCode, message: string, headers: Record<string, string> = {}) => sendJson(res, ERRORS[code].status, { error: code, message }, headers);

function parseBody(r: RouteDecl, req: IncomingMessage, raw: Buffer): BodyCheck<unknown> {
  if (r.body.kind === 'none') return { ok: true, value: undefined };
  if (raw.length > r.body.maxBytes) return { ok: false, code: 'too_large', message: 'body too large' };
  const wrongType = contentTypeProblem(r, mediaType(req.headers['content-type']));
  if (wrongType) return wrongType;
  return r.body.kind === 'json' ? parseJsonBody(r, raw.toString('utf8')) : { ok: true, value: raw };
}

/** Answers one request from the declared routes and the fake's handlers. */
export function dispatchDeclared(handlers: FakeHandlers, key: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
  const pathname = (req.url ?? '/').split('?')[0]!;
  const m = matchRoute(RELAY_ROUTES, req.method ?? 'GET', pathname);
  if (m === null) return refuse(res, 'not_found', `no route ${req.method} ${pathname}`);
  if (m === 'malformed') return refuse(res, 'bad_request', 'the path has a percent-escape that is not valid UTF-8');
  if (m === 'method') return refuse(res, 'method_not_allowed', 'method not allowed here', { allow: allowedMethods(RELAY_ROUTES, pathname).join(', ') });
  const r = m.route;
  if (r.auth === 'studio' && req.headers.authorization !== `Bearer ${key}`) return refuse(res, 'unauthorized', 'the fake relay wants its key', { 'www-authenticate': 'Bearer' });
  const handler = handlers[m.name] as ((call: FakeCall<RouteDecl>) => FakeAnswer) | undefined;
  if (!handler) return refuse(res, 'not_found', `the fake relay does not serve ${m.name}`);
  const body = parseBody(r, req, raw);
  if (!body.ok) return refuse(res, body.code, body.message);
  let out: FakeAnswer;
  try {
    out = handler({ params: m.params as PathParams<RouteDecl>, body: body.value as never, req });
  } catch (e) {
    // failNext… in tests may simulate any status a relay could send; the rest follow the declaration.
    if (e instanceof FakeRefusal) return sendJson(res, (e as { status?: number }).status ?? ERRORS[e.code]?.status ?? 500, { error: e.code, message: e.message });
    return refuse(res, 'internal', (e as Error).message);
  }
  const a = r.answer;
  if (a.kind === 'json') return sendJson(res, a.status, out);
  if (a.kind === 'empty') return void res.writeHead(a.status).end();
  const { text, headers } = typeof out === 'object' && out !== null && 'text' in out ? (out as { text: string; headers: Record<string, string> }) : { text: String(out), headers: {} };
  res.writeHead(a.status, { 'content-type': a.contentType, ...headers });
  res.end(text);
}
