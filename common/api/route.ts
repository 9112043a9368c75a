import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';

/**
 * The shape of one declared relay route. Everything that serves or calls the route (the relay's
 * router, the studio's relay client, the watch page's client, the studio tests' fake relay, the
 * OpenAPI document) is derived from its declaration in relay-routes.ts.
 */
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * Who may call it. `studio`: `Authorization: Bearer <studio key>`. `viewer`: a watch-link token in
 * the path (and, where the route acts for a device, the device id the relay issued). `public`: anyone.
 */
/** Who may call: anyone, the studio (its key), a viewer (a watch-link token in the path), a moderator (a moderator-link token in the path). */
export type Auth = 'public' | 'studio' | 'viewer' | 'moderator';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; schema: z.ZodType; maxBytes: number }
  | { kind: 'sdp'; maxBytes: number }
  | { kind: 'bytes'; types: readonly string[]; maxBytes: number };

export type Answer =
  | { kind: 'json'; status: number; schema: z.ZodType }
  | { kind: 'text'; status: number; contentType: string }
  | { kind: 'bytes'; status: number; contentType: string }
  | { kind: 'empty'; status: number };

export interface RouteDecl {
  method: Method;
  /** `:name` segments are path parameters (percent-encoded by callers, decoded once by the router). */
  path: string;
  auth: Auth;
  summary: string;
  body: RequestBody;
  answer: Answer;
  /** The request names the viewer's device id in the X-Viewer-Id header (GETs that act for one device). */
  viewerHeader?: true;
  /** The error codes this route can answer besides the ones every route can (errors that any request may get). */
  errors: readonly ErrorCode[];
}

/** Declares a route keeping its literal types (method, path) for the derived clients. */
export const route = <const R extends RouteDecl>(r: R): R => r;

/** The `:name` parameters of a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<R extends RouteDecl> = { [K in ParamNames<R['path']>]: string };

/** The path with its parameters filled in and percent-encoded. A missing parameter is a programming error. */
export function fillPath<R extends RouteDecl>(r: R, params: PathParams<R>): string {
  const values = params as Record<string, string>;
  return r.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = values[name];
    if (typeof v !== 'string') throw new Error(`${r.method} ${r.path}: parameter ${name} is missing`);
    return encodeURIComponent(v);
  });
}

export type JsonBodyOf<R extends RouteDecl> = R['body'] extends { kind: 'json'; schema: infer S extends z.ZodType } ? z.input<S> : never;
export type JsonAnswerOf<R extends RouteDecl> = R['answer'] extends { kind: 'json'; schema: infer S extends z.ZodType } ? z.output<S> : never;
