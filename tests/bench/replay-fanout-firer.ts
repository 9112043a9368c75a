/**
 * bench:replay's cue firer, run inside the relay's network namespace (the benchmark process cannot
 * reach the relay there). Fires the fan-out show's cues as bench:cue-fanout does (HTTP, studio
 * key, captureMs = CLOCK_MONOTONIC so the load processes' latencies need no clock sync).
 * Args: relay URL, show id; env BENCH_STUDIO_KEY. stdin: one line per batch, "fire <n>"; stdout: one
 * JSON line per batch, {"sent":[captureMs…]}, after its last cue. Bounded: at most 500 cues a batch.
 */
import readline from 'node:readline';
import { clock } from '../helpers/mono-clock.js';

const [relayUrl, showId] = process.argv.slice(2);
const key = process.env.BENCH_STUDIO_KEY ?? '';
if (!relayUrl || !showId || !key) throw new Error('usage: replay-fanout-firer <relay url> <show id> (BENCH_STUDIO_KEY set)');
/** As bench:cue-fanout: one cue every 400 ms. */
const GAP_MS = 400;
const MAX_BATCH = 500;

async function api<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(relayUrl + p, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let version = (await api<{ version: number }>('GET', `/api/shows/${showId}/stage`)).version;
let fired = 0;
for await (const line of readline.createInterface({ input: process.stdin })) {
  const m = /^fire (\d+)$/.exec(line.trim());
  if (!m) throw new Error(`unknown command: ${line.slice(0, 40)}`);
  const sent: number[] = [];
  for (let i = 0; i < Math.min(Number(m[1]), MAX_BATCH); i++, fired++) {
    const op = fired % 2 === 0 ? { op: 'pin', cards: [{ productId: `p${fired}`, name: `상품 ${fired}`, imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 10, externalUrl: null }] } : { op: 'clearCards' };
    const captureMs = clock();
    version = (await api<{ version: number }>('POST', `/api/shows/${showId}/cues`, { firingId: `rf${fired}`, baseVersion: version, captureMs, op })).version;
    sent.push(captureMs);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  console.log(JSON.stringify({ sent }));
}
