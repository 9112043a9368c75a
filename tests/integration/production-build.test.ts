import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The production web builds carry no diagnostics global; the builds for tests do (so the check
 * below would see one). Built here into a scratch folder, from the same vite.config.ts as npm run build:web.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lc-web-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function built(mode: string): Promise<string> {
  const outDir = path.join(scratch, mode);
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return files(outDir)
    .filter((f) => /\.(js|html)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

describe('diagnostics globals', () => {
  it('are not in the production watch page', async () => {
    expect(await built('watch')).not.toMatch(/__lcWatch|__lcStudio/);
    expect(await built('watch-diagnostics')).toContain('__lcWatch');
  });

  it('are not in the production studio', async () => {
    expect(await built('studio')).not.toMatch(/__lcStudio|__lcWatch/);
    expect(await built('studio-diagnostics')).toContain('__lcStudio');
  });
});
