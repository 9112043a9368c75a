/**
 * bench:replay's fan-out load: a second, live show on the same relay (the recorded one has ended)
 * with N websocket viewers held by bench:cue-fanout's load generator, and its cue firer, both run
 * inside the relay's network namespace. Cues are fired in batches; each batch says which capture
 * stamps it sent, so deliveries can be split into "with clips being cut" and "without".
 */
import readline from 'node:readline';
import path from 'node:path';
import type { Show, WatchLink } from '../../common/show.js';
import type { MediaBench } from '../helpers/media-bench.js';
import { ROOT } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';
import { percentile, round1 } from '../helpers/stats.js';
import { openViewers } from './fanout-load.js';

export interface CueLoad {
  /** Fires n cues (400 ms apart) and resolves with their capture stamps. */
  fire(n: number): Promise<number[]>;
  /** Ends the load: delivery latencies (ms, all viewers) of each group of cues; throws if any delivery is missing. */
  latencies(groups: readonly (readonly number[])[]): Promise<number[][]>;
  close(): void;
}

/** The load generator's longest own bound (fanout-viewers.c). */
const MAX_LIFETIME_S = 7200;

/** `lifetimeS`: how long the load generator may live (its own bound, FANOUT_GIVE_UP_S, at most 2 h). */
export async function startCueLoad(bench: MediaBench, viewers: number, lifetimeS: number): Promise<CueLoad> {
  const { pub, relay, topology } = bench;
  const call = async <T>(method: string, url: string, body?: unknown) => {
    const r = await relayCall<T>(pub, relay.studioKey, method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const show = await call<Show>('POST', '/api/shows', { title: '팬아웃 부하' });
  const link = await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {});
  await call('POST', `/api/shows/${show.id}/start`);
  const inNs = ['ip', 'netns', 'exec', topology.server];
  const load = await openViewers(relay.url.replace('http', 'ws') + '/ws/watch', link.url.split('/w/')[1]!, viewers, 1, [...inNs, 'env', `FANOUT_GIVE_UP_S=${Math.min(MAX_LIFETIME_S, Math.ceil(lifetimeS))}`]);
  const firer = topology.spawn('server', path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/bench/replay-fanout-firer.ts', relay.url, show.id], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, BENCH_STUDIO_KEY: relay.studioKey } });
  const lines = readline.createInterface({ input: firer.stdout! })[Symbol.asyncIterator]();
  await new Promise((r) => setTimeout(r, 2500)); // the join storm's count broadcasts settle, as in bench:cue-fanout
  return {
    async fire(n) {
      firer.stdin!.write(`fire ${n}\n`);
      const next = await lines.next();
      if (next.done) throw new Error('the cue firer exited');
      return (JSON.parse(next.value) as { sent: number[] }).sent;
    },
    async latencies(groups) {
      // The load process reports once, then exits.
      const { byCue } = await load.report();
      let lost = 0;
      const out = groups.map((sent) =>
        sent.flatMap((s) => {
          const got = byCue.get(s) ?? [];
          lost += viewers - got.length;
          return got;
        }),
      );
      if (lost) throw new Error(`lost deliveries: ${lost}`);
      return out;
    },
    close() {
      load.kill();
      firer.stdin!.end(); // its loop ends and it exits; the namespace's teardown catches anything left
    },
  };
}

export const summary = (ms: readonly number[]) => ({ p50: round1(percentile(ms, 50)), p99: round1(percentile(ms, 99)), n: ms.length });
