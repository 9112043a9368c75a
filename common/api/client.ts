import { ApiError } from '../errors.js';
import { fillPath, type JsonAnswerOf, type JsonBodyOf, type PathParams, type RouteDecl } from './route.js';

/**
 * Calls a declared relay route: fills and encodes the path, sends the body the declaration names,
 * and parses the answer with the declared schema. Failures come back as values with the relay's
 * code (or `network`, `timeout`, `bad_response` for what happened on the way), never as throws,
 * so each client (studio core, watch page, tests) decides how to word them.
 */
export type CallFailure = { code: string; status: number; message: string | null };
export type CallResult<T> = { ok: true; data: T; status: number; headers: HeadersLike } | { ok: false; error: CallFailure };

/** An AbortSignal, named without DOM or Node types (common/ has neither); callers make it (timeouts included). */
export interface SignalLike {
  readonly aborted: boolean;
}
export interface HeadersLike {
  get(name: string): string | null;
}
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; signal?: SignalLike },
) => Promise<{ status: number; headers: HeadersLike; text(): Promise<string> }>;

export interface CallOptions<R extends RouteDecl> {
  params: PathParams<R>;
  body?: R['body'] extends { kind: 'json' } ? JsonBodyOf<R> : R['body'] extends { kind: 'sdp' } ? string : R['body'] extends { kind: 'bytes' } ? { bytes: Uint8Array; type: string } : never;
  headers?: Record<string, string>;
  /** Aborts the call; an abort whose reason is a TimeoutError counts as `timeout`. */
  signal?: SignalLike;
}

/** What a route answers when it succeeds: the parsed JSON, or the text (CSV, SDP), or nothing. */
export type AnswerOf<R extends RouteDecl> = R['answer'] extends { kind: 'json' } ? JsonAnswerOf<R> : R['answer'] extends { kind: 'empty' } ? null : string;

function encodeBody(r: RouteDecl, body: unknown, headers: Record<string, string>): string | Uint8Array<ArrayBuffer> | undefined {
  switch (r.body.kind) {
    case 'none':
      return undefined;
    case 'json':
      headers['content-type'] = 'application/json';
      return JSON.stringify(body ?? {});
    case 'sdp':
      headers['content-type'] = r.method === 'PATCH' ? 'application/trickle-ice-sdpfrag' : 'application/sdp';
      return String(body);
    case 'bytes': {
      const b = body as { bytes: Uint8Array; type: string };
      headers['content-type'] = b.type;
      return new Uint8Array(b.bytes); // a copy backed by a plain ArrayBuffer, which fetch's BodyInit requires
    }
  }
}

export async function callRoute<R extends RouteDecl>(fetchLike: FetchLike, base: string, r: R, opts: CallOptions<R>): Promise<CallResult<AnswerOf<R>>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const payload = encodeBody(r, opts.body, headers);
  let res: Awaited<ReturnType<FetchLike>>;
  let text: string;
  try {
    res = await fetchLike(base + fillPath(r, opts.params), { method: r.method, headers, body: payload, signal: opts.signal });
    text = await res.text();
  } catch (e) {
    const timedOut = (e as { name?: unknown } | null)?.name === 'TimeoutError';
    return { ok: false, error: { code: timedOut ? 'timeout' : 'network', status: 0, message: null } };
  }
  // The declared status is the usual one; another 2xx (an idempotent replay's 200 for a 201) is success too.
  if (res.status < 200 || res.status > 299) {
    let parsed: ApiError | null = null;
    try {
      const p = ApiError.safeParse(JSON.parse(text));
      if (p.success) parsed = p.data;
    } catch {
      // not JSON (a proxy's page): the status alone speaks
    }
    return { ok: false, error: { code: parsed?.error ?? `http_${res.status}`, status: res.status, message: parsed?.message ?? null } };
  }
  if (r.answer.kind === 'empty') return { ok: true, data: null as AnswerOf<R>, status: res.status, headers: res.headers };
  if (r.answer.kind !== 'json') return { ok: true, data: text as AnswerOf<R>, status: res.status, headers: res.headers };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'bad_response', status: res.status, message: null } };
  }
  const parsed = r.answer.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad_response', status: res.status, message: null } };
  return { ok: true, data: parsed.data as AnswerOf<R>, status: res.status, headers: res.headers };
}
