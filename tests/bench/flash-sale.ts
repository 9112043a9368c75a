/**
 * npm run bench:flash-sale — a flash sale on a fresh relay (loopback, real SQLite, real Janus
 * started by the relay but carrying no media): a live show sells one product with stock 100;
 * 2,000 viewers register first (not timed), each from its own 127.x.y.z source address, then
 * 2,000 buyers (each its own viewer id, idempotency key and keep-alive socket) tap Buy once each,
 * spread evenly over one second. Latency runs from each tap's due instant to the end of its
 * answer, over ALL requests: accepted orders (201) and sold-out refusals (409) both count.
 * After the relay stops, its SQLite file is opened read-only: `oversold` = units in orders beyond
 * the stock, `lost` = acknowledged orders (201) whose id is not in the file.
 * BENCH_MODE=bots: the same sale with a script among the buyers (tests/bench/flash-sale-bots.ts).
 * BENCH_MODE=carts: carts of 1–3 lines from five overlapping products (tests/bench/flash-sale-carts.ts).
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { bareBaseline } from './bare-http-baseline.js';
import { flashCatalog, flashOrder, STOCK } from './flash-sale-shop.js';
import { afterStop, BUYERS, burst, buyerAddress, freshRelay, latencyLine, makeClient, openShow, ratio, registerViewers, relayCpuSeconds, retryTaps, SPREAD_MS, warmSockets, type Reply } from './commerce-burst.js';

if (process.env.BENCH_MODE === 'bots') await import('./flash-sale-bots.js');
else if (process.env.BENCH_MODE === 'carts') await import('./flash-sale-carts.js');
else await plainSale();

async function plainSale(): Promise<void> {
  const { relay, dataDir } = await freshRelay();
  const { send, agent } = makeClient(relay);
  let showId = '';
  try {
    const shop = await openShow(send, 'flash sale', flashCatalog(null));
    showId = shop.showId;
    const viewers = await registerViewers(send, shop.token, BUYERS, buyerAddress);
    await warmSockets(BUYERS, (i) => send('GET', `/api/watch/${shop.token}/payment`, undefined, false, performance.now(), buyerAddress(i)));
    // No retries by default, so the figures stay comparable with earlier runs; BENCH_RETRY_EVERY=10 doubles every tenth tap as carts mode does.
    const { taps } = retryTaps(BUYERS, 0);
    const bodies = viewers.map((v, i) => flashOrder(v, i));
    console.log(`registered ${viewers.length} viewers from ${BUYERS} source addresses; ${BUYERS} buyers tap within ${SPREAD_MS} ms, each on its own keep-alive socket; ${taps.length - BUYERS} of them twice at once with the same key (the second on a new connection)`);

    const cpu0 = relayCpuSeconds(relay);
    const replies = await burst(taps.length, (k, due) => send('POST', `/api/watch/${shop.token}/orders`, bodies[taps[k]!.i], false, due, buyerAddress(taps[k]!.i)));
    const relayCpuMsPerRequest = Math.round(((relayCpuSeconds(relay) - cpu0) * 1000 * 100) / taps.length) / 100;
    agent.destroy();
    const accepted = replies.filter((r) => r.status === 201);
    const soldOut = replies.filter((r) => r.status === 409 && r.body.error === 'sold_out').length;
    const other = replies.filter((r) => r.status !== 201 && r.status !== 200 && !(r.status === 409 && r.body.error === 'sold_out'));
    // One key = one order: a buyer's 2xx answers name one order id, and at most one of them is 201.
    const byBuyer = new Map<number, Reply[]>();
    taps.forEach((t, k) => byBuyer.set(t.i, [...(byBuyer.get(t.i) ?? []), replies[k]!]));
    const keyConflicts = [...byBuyer.values()].filter((rs) => new Set(rs.filter((r) => r.status < 300).map((r) => r.body.id)).size > 1 || rs.filter((r) => r.status === 201).length > 1).length;
    const { result, commits } = await afterStop(relay, dataDir, (db) => {
      const units = (db.prepare('SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE show_id = ?').get(showId) as { n: number }).n;
      const stored = new Set((db.prepare('SELECT id FROM orders WHERE show_id = ?').all(showId) as { id: string }[]).map((r) => r.id));
      const stockLeft = (db.prepare("SELECT stock FROM show_stock WHERE show_id = ? AND product_id = 'flash'").get(showId) as { stock: number }).stock;
      return { units, stored, stockLeft };
    });
    const lost = accepted.filter((r) => !result.stored.has(r.body.id as string)).length;
    const oversold = Math.max(0, result.units - STOCK);
    const lat = latencyLine(replies);
    const base = await bareBaseline(taps.length, 64, bodies[0], (k) => buyerAddress(taps[k]!.i));
    console.log(`accepted ${accepted.length}, sold out ${soldOut}, replayed ${replies.filter((r) => r.status === 200).length}, other ${other.length}${other.length ? ` (e.g. ${JSON.stringify(other[0]!.body)})` : ''}; key conflicts ${keyConflicts}`);
    console.log(`SQLite after stop: ${result.stored.size} orders, ${result.units} units, stock left ${result.stockLeft}; oversold ${oversold}, lost ${lost}`);
    if (commits) console.log(`group commit on the relay: ${commits.jobs} jobs in ${commits.batches} transactions (largest ${commits.largest})`);
    console.log(`latency over all ${lat.n} requests (accepted and sold out): p50 ${lat.p50} ms, p95 ${lat.p95} ms, p99 ${lat.p99} ms; this process sent late by up to ${lat.sender_late_p99} ms (p99); 1-min load average ${lat.loadavg_1m} on ${os.cpus().length} cores`);
    console.log(`same burst (same source addresses, warm sockets) against a bare Node HTTP server just now: p50 ${base.p50} ms, p99 ${base.p99} ms, ${base.cpuMsPerRequest} ms CPU per request; ratio p99 ${ratio(lat.p99, base.p99)}`);
    console.log(`relay CPU per request: ${relayCpuMsPerRequest} ms (user + system of its process over the burst); 1 sample (one burst)`);
    console.log(JSON.stringify({ bench: 'flash-sale', metric: 'order latency (tap to answer, all requests)', unit: 'ms', ...lat, ratio_p99: ratio(lat.p99, base.p99), samples: 1, relay_cpu_ms_per_request: relayCpuMsPerRequest, bare_http_p99: base.p99, bare_http_cpu_ms_per_request: base.cpuMsPerRequest, accepted: accepted.length, sold_out: soldOut, other: other.length, oversold, lost, key_conflicts: keyConflicts, retried: taps.length - BUYERS, stock: STOCK, buyers: BUYERS, source_addresses: BUYERS, commit_batches: commits?.batches ?? null }));
    if (accepted.length !== STOCK || oversold !== 0 || lost !== 0 || keyConflicts !== 0 || other.length !== 0) process.exitCode = 1;
  } catch (e) {
    await relay.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
