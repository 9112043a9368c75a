import { z } from 'zod';
import { COMMON_ERRORS, ERRORS, type ErrorCode } from './error-codes.js';
import { pathParams, type RouteDecl } from './route.js';
import { RELAY_ROUTES } from './relay-routes.js';
import { VIEWER_ID_HEADER } from '../protocol/viewer-header.js';

/** The relay's API as an OpenAPI 3.1 document, generated from RELAY_ROUTES and ERRORS (never written by hand). */

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

const ErrorBody: Json = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string', enum: Object.keys(ERRORS) }, message: { type: 'string', description: 'for people; codes are for programs' } },
};

function requestBody(r: RouteDecl): Json | undefined {
  switch (r.body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return { required: true, description: `at most ${r.body.maxBytes} bytes`, content: { 'application/json': { schema: schemaOf(r.body.schema, 'input') } } };
    case 'sdp':
      return { required: true, description: `at most ${r.body.maxBytes} bytes`, content: { [r.method === 'PATCH' ? 'application/trickle-ice-sdpfrag' : 'application/sdp']: { schema: { type: 'string' } } } };
    case 'bytes':
      return { required: true, description: `at most ${r.body.maxBytes} bytes`, content: Object.fromEntries(r.body.types.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) };
  }
}

function answer(r: RouteDecl): [string, Json] {
  const a = r.answer;
  switch (a.kind) {
    case 'json':
      return [String(a.status), { description: 'answer', content: { 'application/json': { schema: schemaOf(a.schema, 'output') } } }];
    case 'text':
    case 'bytes':
      return [String(a.status), { description: 'answer', content: { [a.contentType]: { schema: { type: 'string' } } } }];
    case 'empty':
      return [String(a.status), { description: 'done, no body' }];
  }
}

function errorResponses(r: RouteDecl): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...COMMON_ERRORS, ...r.errors])) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      { description: codes.map((c) => `\`${c}\`: ${ERRORS[c].means}`).join('; '), content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } },
    ]),
  );
}

export function openApiDocument(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [name, r] of Object.entries(RELAY_ROUTES) as [string, RouteDecl][]) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const [status, ok] = answer(r);
    const op: Json = {
      operationId: name,
      summary: r.summary,
      tags: [r.auth],
      parameters: [
        ...pathParams(r.path).map((p) => ({ name: p, in: 'path', required: true, schema: { type: 'string', maxLength: 512 } })),
        ...(r.viewerHeader ? [{ name: VIEWER_ID_HEADER, in: 'header', required: true, description: "the device id the relay issued (a bearer secret: never in the query string)", schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } }] : []),
      ],
      responses: { [status]: ok, ...errorResponses(r) },
    };
    if (r.auth === 'studio') op.security = [{ studioKey: [] }];
    const body = requestBody(r);
    if (body) op.requestBody = body;
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Live-commerce relay', version, description: 'Generated from common/api/relay-routes.ts. Error bodies are ApiError; codes in common/api/error-codes.ts.' },
    paths,
    components: { schemas: { ApiError: ErrorBody }, securitySchemes: { studioKey: { type: 'http', scheme: 'bearer', description: 'the studio key the relay printed on its first start' } } },
  };
}
