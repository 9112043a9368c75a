import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { COMMON_ERRORS, ERRORS, type ErrorCode } from '../../../common/api/error-codes.js';
import type { PathParams, RouteDecl } from '../../../common/api/route.js';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import type { AnswerOf } from '../../../common/api/client.js';
import { contentTypeProblem, mediaType, parseJsonBody } from '../../../common/api/body.js';
import { HttpError, readBody, sendError, sendJson, type Router } from './http-util.js';

/**
 * Serves a route declared in common/api/relay-routes.ts: the router learns its method and path from
 * the declaration, the body is read within the declared size and parsed with the declared schema
 * (or content type), the studio key is checked for `studio` routes, and the handler's value is sent
 * with the declared status. Handlers only do the work; they cannot drift from the declaration.
 */
export type BodyOf<R extends RouteDecl> = R['body'] extends { kind: 'json'; schema: infer S extends z.ZodType }
  ? z.output<S>
  : R['body'] extends { kind: 'sdp' }
    ? string
    : R['body'] extends { kind: 'bytes' }
      ? { bytes: Buffer; type: string }
      : undefined;

export interface Call<R extends RouteDecl> {
  /** When the request reached the relay, before its body was read (a quiz deadline is about this). */
  arrivedAt: number;
  req: IncomingMessage;
  res: ServerResponse;
  params: PathParams<R>;
  body: BodyOf<R>;
}

const REPLY = Symbol('reply');
/** A value plus headers the declaration cannot know (Location, Content-Disposition, ETag), or another 2xx status. */
export interface Reply<T> {
  [REPLY]: true;
  value: T;
  headers: Record<string, string>;
  status?: number;
}
export const withHeaders = <T>(value: T, headers: Record<string, string>, status?: number): Reply<T> => ({ [REPLY]: true, value, headers, status });
/**
 * Returned by a handler that answered itself with a page for people rather than the API's JSON
 * error (the bilingual "this link cannot be opened" page): the declared answer is not sent.
 */
export const ANSWERED = Symbol('answered');

/** What a handler returns: the declared answer (bytes answers may be a Buffer). */
type Out<R extends RouteDecl> = (R['answer'] extends { kind: 'bytes' } ? Uint8Array | string : AnswerOf<R>) | typeof ANSWERED;
export type DeclaredHandler<R extends RouteDecl> = (call: Call<R>) => Promise<Out<R> | Reply<Out<R>>> | Out<R> | Reply<Out<R>>;

/** An error a route answers with: the status comes from the code's one declaration. */
export const apiError = (code: ErrorCode, message: string) => new HttpError(ERRORS[code].status, code, message);

export interface ServeOptions {
  /** Throws an HttpError when the request does not carry a valid studio key. */
  requireStudio(req: IncomingMessage): void;
  /** Throws an HttpError when a viewer route's watch-link token is bad, expired or revoked (checked before the body is read). */
  requireLink(token: string): void;
  /** Throws an HttpError when a moderator route's token is bad or revoked. */
  requireModerator(token: string): void;
  /** Told when a route answers a code its declaration does not list (tests turn it into a failure). */
  undeclared?(route: RouteDecl, code: string): void;
  /** Waits for the request's turn before its body is parsed (RequestTurns: a few handlers per event-loop turn); default: at once. */
  turn?(): Promise<void>;
}

async function readDeclaredBody(r: RouteDecl, req: IncomingMessage): Promise<unknown> {
  if (r.body.kind === 'none') return undefined;
  const type = mediaType(req.headers['content-type']);
  const wrongType = contentTypeProblem(r, type);
  if (wrongType) throw apiError(wrongType.code, wrongType.message);
  if (r.body.kind !== 'bytes') {
    const text = await readBody(req, r.body.maxBytes);
    if (r.body.kind === 'sdp') return text;
    const parsed = parseJsonBody(r, text);
    if (!parsed.ok) throw apiError(parsed.code, parsed.message);
    return parsed.value;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > r.body.maxBytes) throw apiError('too_large', `the body is larger than ${r.body.maxBytes} bytes`);
    chunks.push(c as Buffer);
  }
  return { bytes: Buffer.concat(chunks), type };
}

function send(r: RouteDecl, res: ServerResponse, out: unknown): void {
  if (out === ANSWERED) return;
  const reply = out !== null && typeof out === 'object' && REPLY in out ? (out as Reply<unknown>) : null;
  const value = reply ? reply.value : out;
  const headers = { 'cache-control': 'no-store', ...(reply?.headers ?? {}) };
  const a = r.answer;
  const status = reply?.status ?? a.status;
  if (a.kind === 'json') return sendJson(res, status, value, headers);
  if (a.kind === 'empty') return void res.writeHead(status, headers).end();
  res.writeHead(status, { 'content-type': a.contentType, 'x-content-type-options': 'nosniff', ...headers });
  res.end(value as string | Buffer);
}

/** Maps a domain error (LiveError, CommerceError…) to an HttpError; anything else passes through. */
export type ErrorMapper = (e: unknown) => unknown;

/** The relay's routes as declared: route modules get this instead of the bare router. */
export class DeclaredApi {
  constructor(
    readonly router: Router,
    private readonly opts: ServeOptions,
  ) {}

  serve<R extends RouteDecl>(r: R, handler: DeclaredHandler<R>, toError: ErrorMapper = (e) => e): this {
    const allowed = new Set<string>([...COMMON_ERRORS, ...r.errors]);
    this.router.add(r.method, r.path, async (req, res, params) => {
      const arrivedAt = Date.now();
      try {
        if (r.auth === 'studio') this.opts.requireStudio(req);
        if (r.auth === 'viewer' && params.token !== undefined) this.opts.requireLink(params.token);
        if (r.auth === 'moderator') this.opts.requireModerator(params.token ?? '');
        if (this.opts.turn) await this.opts.turn(); // the body waits in the socket's buffer; parsing it is the turn's work
        const body = (await readDeclaredBody(r, req)) as BodyOf<R>;
        const out = await handler({ arrivedAt, req, res, params: params as PathParams<R>, body });
        send(r, res, out);
      } catch (e) {
        const mapped = toError(e);
        if (!(mapped instanceof HttpError)) throw mapped; // the app logs it and answers 500
        if (!allowed.has(mapped.code)) this.opts.undeclared?.(r, mapped.code);
        // Answered here, not rethrown: refusals are most of a flash sale's answers.
        if (res.headersSent) return void res.end();
        sendError(res, mapped);
      }
    });
    return this;
  }
}

/**
 * Every route the relay serves must be declared (common/api/relay-routes.ts), or the OpenAPI
 * document, the clients and the fake would not know it: a programming error, caught at start.
 */
export function assertAllDeclared(router: Router): void {
  const declared = new Set(Object.values(RELAY_ROUTES).map((r: RouteDecl) => `${r.method} ${r.path}`));
  const missing = router.list().filter((r) => !declared.has(`${r.method} ${r.path}`));
  if (missing.length) throw new Error(`routes served but not declared in common/api/relay-routes.ts: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`);
}
