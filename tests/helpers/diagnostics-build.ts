import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Route } from 'playwright-core';

/**
 * The product ships no diagnostics global (window.__lcWatch, window.__lcStudio). End-to-end tests
 * and benchmarks read them from the build for tests (`vite build --mode *-diagnostics`, made by
 * `npm run build:web` into dist/with-diagnostics/), which the browser is given in place of the
 * production scripts: the relay and the studio shell keep serving exactly what ships (pages,
 * headers, CSP), only the script and style files the pages load come from the build for tests.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface App {
  /** The URL path folder the page loads its assets from. */
  folder: string;
  /** Production asset name → file of the build for tests (the entry script and style; their names carry content hashes). */
  entries: Map<string, string>;
  /** Folder of the build for tests' assets (chunks the test entry itself asks for). */
  dir: string;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Pairs the asset references of the two index.html files, which differ only in hashed names. */
function app(name: 'watch' | 'renderer', folder: string): App {
  const prodIndex = path.join(ROOT, 'dist', name, 'index.html');
  const testIndex = path.join(ROOT, 'dist/with-diagnostics', name, 'index.html');
  if (!existsSync(prodIndex) || !existsSync(testIndex)) throw new Error(`the web builds are missing (${path.relative(ROOT, testIndex)}): run npm run build:web`);
  const refs = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((r) => r.includes(`${folder}/`));
  const prod = refs(prodIndex);
  const test = refs(testIndex);
  if (prod.length !== test.length) throw new Error(`dist/${name} and dist/with-diagnostics/${name} are from different sources: run npm run build:web`);
  const dir = path.join(ROOT, 'dist/with-diagnostics', name, folder);
  const entries = new Map(prod.map((p, i) => [path.basename(p), path.join(dir, path.basename(test[i]!))]));
  return { folder, entries, dir };
}

async function serve(route: Route, a: App): Promise<void> {
  const name = path.basename(new URL(route.request().url()).pathname);
  const file = a.entries.get(name) ?? (/^[\w.-]+$/.test(name) ? path.join(a.dir, name) : null);
  // Anything else under the folder (e.g. the relay's product images under /assets/) goes to the server.
  if (!file || !existsSync(file)) return route.continue();
  await route.fulfill({ status: 200, headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }, body: readFileSync(file) });
}

/** Every page of this context runs the build for tests (and so has the diagnostics globals). */
export async function useDiagnosticsBuild(context: BrowserContext): Promise<void> {
  const watch = app('watch', 'watch-assets');
  const studio = app('renderer', 'assets');
  await context.route('**/watch-assets/*', (r) => serve(r, watch));
  await context.route('**/assets/*', (r) => serve(r, studio));
}

/** Makes every context (and page) the browser opens use the build for tests. */
export function withDiagnosticsBuild(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await useDiagnosticsBuild(context);
    return context;
  };
  return browser;
}
