import { build } from 'esbuild';
import path from 'node:path';
import type { StampPath } from '../../renderer/src/live/frame-stamper.js';
import { ROOT } from './processes.js';

const bundle = async (entry: string) =>
  (await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'error' })).outputFiles[0]!.text;

/** A script for a publisher page: the studio's stamper (window.__studioStamper), on `stampPath` or the engine's default (null). */
export async function studioStamperScript(stampPath: StampPath | null = null): Promise<string> {
  const [entry, worker] = await Promise.all([bundle('tests/bench/studio-stamper-entry.ts'), bundle('renderer/src/live/stamp-sender-worker.ts')]);
  return `window.__stampWorkerSource = ${JSON.stringify(worker)}; window.__stampPath = ${JSON.stringify(stampPath)};\n${entry}`;
}
