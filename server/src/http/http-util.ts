import type { ErrorCode } from '../../../common/api/error-codes.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { safeDecode } from '../../../common/api/match.js';
import { ERROR_CODES } from '../../../common/errors.js';
import { MAX_API_BODY_BYTES } from '../../../common/limits.js';

/** An error that becomes an HTTP reply with a code and a sentence a person can act on. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  constructor(status: number, code: ErrorCode, message: string) {
    // Answers, not bugs: no stack trace to capture (a flash sale refuses thousands a second).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
    this.code = code;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** An error answer; a 401 names the scheme it wants (RFC 9110), so clients know a bearer token is asked for. */
export function sendError(res: ServerResponse, err: HttpError, headers: Record<string, string> = {}): void {
  const challenge: Record<string, string> = err.status === 401 ? { 'www-authenticate': 'Bearer realm="relay"' } : {};
  sendJson(res, err.status, { error: err.code, message: err.message }, { ...challenge, ...headers });
}

export async function readBody(req: IncomingMessage, limit = MAX_API_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, ERROR_CODES.tooLarge, `request body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, ERROR_CODES.tooLarge, `request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void> | void;

interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** Minimal method + path router; `:name` segments become params. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/\/:([a-zA-Z]+)/g, (_m, key: string) => {
          keys.push(key);
          return '/([^/]+)';
        }) +
        '$',
    );
    this.routes.push({ method, path, pattern, keys, handler });
    return this;
  }

  /** Every method and path served, as registered. */
  list(): { method: string; path: string }[] {
    return this.routes.map(({ method, path }) => ({ method, path }));
  }

  /** The methods served at a path (the Allow header of a 405). */
  methodsFor(pathname: string): string[] {
    return [...new Set(this.routes.filter((r) => r.pattern.test(pathname)).map((r) => r.method))];
  }

  /** 'malformed': a param is not valid percent-encoded UTF-8 (the sender's fault: a 400, never a throw). */
  match(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } | 'method' | 'malformed' | null {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < r.keys.length; i++) {
        const value = safeDecode(m[i + 1] ?? '');
        if (value === null) return 'malformed';
        params[r.keys[i]!] = value;
      }
      return { handler: r.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export { safeDecode };

/**
 * The path and query of a request target, or null when it is not one a URL parser accepts
 * (`//[`, `http://[`): `new URL` throws on those, and in an event handler that ends the process.
 */
export function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://relay');
  } catch {
    return null;
  }
}
