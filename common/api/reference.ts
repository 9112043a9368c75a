import { ERRORS, type ErrorCode } from './error-codes.js';
import type { RouteDecl } from './route.js';
import { RELAY_ROUTES } from './relay-routes.js';

/**
 * docs/api.md, generated from the declarations (`npm run docs:api`); a test fails when the file in
 * the repository differs, so the reference cannot drift from what the relay serves.
 */
const WHO: Record<RouteDecl['auth'], string> = {
  public: 'Anyone',
  studio: 'The studio (`Authorization: Bearer <studio key>`)',
  viewer: 'Viewers (the watch-link token in the path; device id as the routes say)',
  moderator: 'Moderators (the moderator-link token in the path; never the studio key)',
};

const bodyOf = (r: RouteDecl): string => {
  switch (r.body.kind) {
    case 'none':
      return '—';
    case 'json':
      return `JSON ≤ ${kib(r.body.maxBytes)}`;
    case 'sdp':
      return `${r.method === 'PATCH' ? '`application/trickle-ice-sdpfrag`' : '`application/sdp`'} ≤ ${kib(r.body.maxBytes)}`;
    case 'bytes':
      return `${r.body.types.map((t) => `\`${t}\``).join(', ')} ≤ ${kib(r.body.maxBytes)}`;
  }
};
const kib = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`);
const answerOf = (r: RouteDecl): string => (r.answer.kind === 'json' ? `${r.answer.status} JSON` : r.answer.kind === 'empty' ? `${r.answer.status}` : `${r.answer.status} \`${r.answer.contentType.split(';')[0]}\``);
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function apiReferenceMarkdown(): string {
  const out: string[] = [
    '# Relay API reference',
    '',
    '<!-- Generated from common/api/relay-routes.ts and common/api/error-codes.ts by `npm run docs:api`. Do not edit by hand. -->',
    '',
    'Every route is declared once in `common/api/relay-routes.ts`; the relay serves exactly these (it refuses to start with an undeclared one), the studio and the watch page call them through the same declarations, and the relay serves them as an OpenAPI 3.1 document at `GET /api/openapi.json`. Schemas of bodies and answers are the zod schemas named there (and in the OpenAPI document). Errors are `{"error": <code>, "message": <sentence>}`; every route may also answer `bad_request`, `not_found`, `method_not_allowed` (with `Allow`), `too_large`, `rate_limited` and `internal`. A `401` carries `WWW-Authenticate: Bearer`.',
    '',
  ];
  for (const auth of ['public', 'studio', 'viewer', 'moderator'] as const) {
    out.push(`## ${WHO[auth]}`, '', '| route | method and path | body | answer | errors |', '| --- | --- | --- | --- | --- |');
    for (const [name, r] of Object.entries(RELAY_ROUTES) as [string, RouteDecl][]) {
      if (r.auth !== auth) continue;
      const header = r.viewerHeader ? ' (device id in `X-Viewer-Id`)' : '';
      out.push(`| \`${name}\`: ${cell(r.summary)}${header} | \`${r.method} ${r.path}\` | ${bodyOf(r)} | ${answerOf(r)} | ${r.errors.map((e) => `\`${e}\``).join(', ') || '—'} |`);
    }
    out.push('');
  }
  out.push('## Error codes', '', '| code | status | means |', '| --- | --- | --- |');
  for (const [code, e] of Object.entries(ERRORS) as [ErrorCode, { status: number; means: string }][]) out.push(`| \`${code}\` | ${e.status} | ${cell(e.means)} |`);
  out.push('');
  return out.join('\n');
}
