import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../common/api/error-codes.js';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';

/** What the hand-written documents say about routes and error codes must be what the declarations say. */
const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');
const docs = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md') && f !== 'api.md')
  .map((f) => ({ file: f, text: readFileSync(path.join(docsDir, f), 'utf8') }));
/** `:name` and `<name>` are parameters, whatever their name. */
const shape = (methodAndPath: string) => methodAndPath.replace(/[:<][A-Za-z]+>?/g, ':_');
const declared = Object.values(RELAY_ROUTES).map((r) => shape(`${r.method} ${r.path}`));

describe('hand-written docs agree with the declared API', () => {
  it('name only declared routes (`METHOD /path`)', () => {
    const wrong: string[] = [];
    for (const { file, text } of docs) {
      for (const m of text.matchAll(/`(GET|POST|PUT|PATCH|DELETE|OPTIONS) (\/(?:api|whip|w|assets|watch-assets)\/[^`\s?]*)/g)) {
        const named = `${m[1]} ${m[2]}`;
        if (named.includes('%')) continue; // an example of a malformed request (robustness.md)
        if (!declared.includes(shape(named))) wrong.push(`${file}: ${named}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('give each error code the status it is declared with (`409 sold_out`)', () => {
    const wrong: string[] = [];
    for (const { file, text } of docs) {
      for (const m of text.matchAll(/`([1-5]\d\d) ([a-z_]+)`/g)) {
        const code = m[2] as keyof typeof ERRORS;
        if (!(code in ERRORS)) wrong.push(`${file}: ${m[2]} is not a declared code`);
        else if (ERRORS[code].status !== Number(m[1])) wrong.push(`${file}: ${m[2]} is ${ERRORS[code].status}, not ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
