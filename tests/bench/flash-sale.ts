/**
 * npm run bench:flash-sale — a flash sale on a fresh relay (loopback, real SQLite, real Janus
 * started by the relay but carrying no media): a live show sells one product with stock 100;
 * 2,000 viewers register first (not timed), then 2,000 buyers (each its own viewer id and
 * idempotency key) tap Buy once each, spread evenly over one second, through a bounded pool of
 * keep-alive sockets. Latency runs from each tap's due instant to the end of its answer, over
 * ALL requests: accepted orders (201) and sold-out refusals (409) both count.
 * After the relay stops, its SQLite file is opened read-only: `oversold` = units in orders beyond
 * the stock, `lost` = acknowledged orders (201) whose id is not in the file.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { checkoutBody, sampleCatalog } from '../helpers/commerce-api.js';
import { bareBaseline } from './bare-http-baseline.js';
import { afterStop, BUYERS, burst, freshRelay, inBatches, latencyLine, makeClient, relayCpuSeconds, SOCKETS, SPREAD_MS } from './commerce-burst.js';

const STOCK = 100;

const { relay, dataDir } = await freshRelay();
const { send, agent } = makeClient(relay);
let showId = '';
try {
  const catalog = sampleCatalog({ payment: { bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' }, cashOnDelivery: true, card: true, shippingFee: 0, freeShippingFrom: null } });
  catalog.products = [{ id: 'flash', name: '한정 수량 패딩', imageUrls: [], currency: 'KRW', price: 199000, salePrice: 99000, stock: STOCK, options: [], externalUrl: null }];
  catalog.coupons = [];
  showId = ((await send('POST', '/api/shows', { title: 'flash sale' }, true)).body.id as string) ?? '';
  if ((await send('PUT', `/api/shows/${showId}/catalog`, catalog, true)).status !== 200) throw new Error('catalog refused');
  await send('POST', `/api/shows/${showId}/start`, {}, true);
  const token = String((await send('POST', `/api/shows/${showId}/links`, {}, true)).body.url).split('/w/')[1]!;
  // As many at once as the pool has sockets, so every socket is open before the timed window (phones already have the page open).
  const viewers = await inBatches(BUYERS, SOCKETS, async () => (await send('POST', `/api/watch/${token}/viewers`, { viewerId: null, nickname: null })).body.viewerId as string);
  console.log(`registered ${viewers.length} viewers; ${BUYERS} buyers tap within ${SPREAD_MS} ms over ${SOCKETS} keep-alive sockets`);

  const cpu0 = relayCpuSeconds(relay);
  const replies = await burst(BUYERS, (i, due) => send('POST', `/api/watch/${token}/orders`, checkoutBody(viewers[i]!, { line: { productId: 'flash', optionId: null, quantity: 1 }, expectedTotal: 99000, payment: 'bank_transfer' }), false, due));
  const relayCpuMsPerRequest = Math.round(((relayCpuSeconds(relay) - cpu0) * 1000 * 100) / BUYERS) / 100;
  agent.destroy();
  const accepted = replies.filter((r) => r.status === 201);
  const soldOut = replies.filter((r) => r.status === 409 && r.body.error === 'sold_out').length;
  const other = replies.filter((r) => r.status !== 201 && !(r.status === 409 && r.body.error === 'sold_out'));
  const { result, commits } = await afterStop(relay, dataDir, (db) => {
    const units = (db.prepare('SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE show_id = ?').get(showId) as { n: number }).n;
    const stored = new Set((db.prepare('SELECT id FROM orders WHERE show_id = ?').all(showId) as { id: string }[]).map((r) => r.id));
    const stockLeft = (db.prepare("SELECT stock FROM show_stock WHERE show_id = ? AND product_id = 'flash'").get(showId) as { stock: number }).stock;
    return { units, stored, stockLeft };
  });
  const lost = accepted.filter((r) => !result.stored.has(r.body.id as string)).length;
  const oversold = Math.max(0, result.units - STOCK);
  const lat = latencyLine(replies);
  const base = await bareBaseline(BUYERS, SOCKETS, checkoutBody(viewers[0]!, { line: { productId: 'flash', optionId: null, quantity: 1 }, expectedTotal: 99000 }));
  console.log(`accepted ${accepted.length}, sold out ${soldOut}, other ${other.length}${other.length ? ` (e.g. ${JSON.stringify(other[0]!.body)})` : ''}`);
  console.log(`SQLite after stop: ${result.stored.size} orders, ${result.units} units, stock left ${result.stockLeft}; oversold ${oversold}, lost ${lost}`);
  if (commits) console.log(`group commit on the relay: ${commits.jobs} jobs in ${commits.batches} transactions (largest ${commits.largest})`);
  console.log(`latency over all ${lat.n} requests (accepted and sold out): p50 ${lat.p50} ms, p95 ${lat.p95} ms, p99 ${lat.p99} ms; this process sent late by up to ${lat.sender_late_p99} ms (p99); 1-min load average ${lat.loadavg_1m} on ${os.cpus().length} cores`);
  console.log(`same burst against a bare Node HTTP server just now: p50 ${base.p50} ms, p99 ${base.p99} ms, ${base.cpuMsPerRequest} ms CPU per request`);
  console.log(`relay CPU per request: ${relayCpuMsPerRequest} ms (user + system of its process over the burst)`);
  console.log(JSON.stringify({ bench: 'flash-sale', metric: 'order latency (tap to answer, all requests)', unit: 'ms', ...lat, relay_cpu_ms_per_request: relayCpuMsPerRequest, bare_http_p99: base.p99, bare_http_cpu_ms_per_request: base.cpuMsPerRequest, accepted: accepted.length, sold_out: soldOut, other: other.length, oversold, lost, stock: STOCK, buyers: BUYERS, sockets: SOCKETS, commit_batches: commits?.batches ?? null }));
  if (accepted.length !== STOCK || oversold !== 0 || lost !== 0) process.exitCode = 1;
} catch (e) {
  await relay.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  throw e;
}
