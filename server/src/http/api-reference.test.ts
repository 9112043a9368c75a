import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReferenceMarkdown } from '../../../common/api/reference.js';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');

describe('docs/api.md', () => {
  it('is what the declarations generate (run npm run docs:api after changing a route or an error code)', () => {
    expect(readFileSync(docs, 'utf8')).toBe(apiReferenceMarkdown());
  });

  it('names every declared route', () => {
    const text = apiReferenceMarkdown();
    for (const r of Object.values(RELAY_ROUTES)) expect(text).toContain(`\`${r.method} ${r.path}\``);
  });
});
