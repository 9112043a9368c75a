import { describe, expect, it } from 'vitest';
import { ERRORS, ErrorCode } from './error-codes.js';
import { openApiDocument } from './openapi.js';
import { fillPath, pathParams, type RouteDecl } from './route.js';
import { RELAY_ROUTES } from './relay-routes.js';

const routes = Object.entries(RELAY_ROUTES) as [string, RouteDecl][];

describe('the declared relay API', () => {
  it('declares each method and path once', () => {
    const keys = routes.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names only error codes that exist, each with an HTTP error status', () => {
    for (const [name, r] of routes) {
      for (const code of r.errors) expect(ErrorCode.safeParse(code).success, `${name}: ${code}`).toBe(true);
    }
    for (const { status } of Object.values(ERRORS)) expect(status).toBeGreaterThanOrEqual(400);
  });

  it('fills path parameters percent-encoded, so a value cannot add a segment', () => {
    expect(fillPath(RELAY_ROUTES.quizOutcome, { token: 'a/b', quizId: '%41 ?' })).toBe('/api/watch/a%2Fb/quizzes/%2541%20%3F/outcome');
    expect(() => fillPath(RELAY_ROUTES.getShow, {} as { id: string })).toThrow(/parameter id is missing/);
  });

  it('produces an OpenAPI 3.1 document with every route, its parameters, body and error codes', () => {
    const doc = openApiDocument('test') as { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string }[]; requestBody?: unknown; responses: Record<string, { description: string }> }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, r] of routes) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op?.operationId, name).toBe(name);
      expect(op!.parameters.map((p) => p.name)).toEqual([...pathParams(r.path), ...(r.viewerHeader ? ['x-viewer-id'] : [])]);
      expect(op!.requestBody !== undefined).toBe(r.body.kind !== 'none');
      const described = Object.values(op!.responses).map((x) => x.description).join(' ');
      for (const code of r.errors) expect(described, `${name}: ${code}`).toContain(`\`${code}\``);
    }
  });

  it('documents a JSON body with the schema the relay parses it with', () => {
    const doc = openApiDocument('test') as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    const body = doc.paths['/api/watch/{token}/polls/vote']!.post!.requestBody.content['application/json']!.schema;
    expect(body.required).toEqual(expect.arrayContaining(['viewerId', 'pollId', 'choiceIndex']));
  });
});
