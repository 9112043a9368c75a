/**
 * npm run bench:coupon-burst — a coupon drop on a fresh relay (loopback, real SQLite): the host
 * fires the dropCoupon cue (POST /api/shows/:id/cues) for a coupon with quota 100; 2,000 viewers
 * registered beforehand (not timed), each from its own 127.x.y.z source address, each claim once,
 * spread evenly over one second, each on its own keep-alive socket. Latency runs from each claim's due instant to the end of its
 * answer, over ALL requests (claims granted and coupon_used_up refusals).
 * After the relay stops, its SQLite file is opened read-only: `over_quota` = claims beyond 100,
 * `lost` = acknowledged claims (200) missing from the file.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { sampleCatalog } from '../helpers/commerce-api.js';
import { bareBaseline } from './bare-http-baseline.js';
import { afterStop, BUYERS, burst, buyerAddress, freshRelay, latencyLine, makeClient, openShow, ratio, registerViewers, relayCpuSeconds, SPREAD_MS, warmSockets } from './commerce-burst.js';

const QUOTA = 100;

const { relay, dataDir } = await freshRelay();
const { send, agent } = makeClient(relay);
let showId = '';
try {
  const catalog = sampleCatalog({ coupons: [{ id: 'drop', code: 'FLASH20', kind: 'percent', amount: 20, currency: 'KRW', minOrder: 0, totalQuota: QUOTA, perViewerCap: 1, validFrom: null, validUntil: null }] });
  const shop = await openShow(send, 'coupon drop', catalog);
  showId = shop.showId;
  const token = shop.token;
  const viewers = await registerViewers(send, token, BUYERS, buyerAddress);
  const cue = await send('POST', `/api/shows/${showId}/cues`, { firingId: 'drop-1', baseVersion: 0, captureMs: null, op: { op: 'dropCoupon', coupon: { couponId: 'drop', code: 'FLASH20', kind: 'percent', amount: 20, currency: 'KRW', minOrder: 0, quotaTotal: QUOTA }, durationSec: 60 } }, true);
  if (cue.status !== 200) throw new Error(`dropCoupon cue refused: ${JSON.stringify(cue.body)}`);
  await warmSockets(BUYERS, (i) => send('GET', `/api/watch/${token}/payment`, undefined, false, performance.now(), buyerAddress(i)));
  console.log(`registered ${viewers.length} viewers from ${BUYERS} source addresses; coupon dropped; ${BUYERS} claims within ${SPREAD_MS} ms, each on its own keep-alive socket`);

  const cpu0 = relayCpuSeconds(relay);
  const replies = await burst(BUYERS, (i, due) => send('POST', `/api/watch/${token}/coupons/claim`, { viewerId: viewers[i]!, couponId: 'drop' }, false, due, buyerAddress(i)));
  const relayCpuMsPerRequest = Math.round(((relayCpuSeconds(relay) - cpu0) * 1000 * 100) / BUYERS) / 100;
  agent.destroy();
  const accepted = replies.map((r, i) => ({ r, viewer: viewers[i]! })).filter(({ r }) => r.status === 200);
  const usedUp = replies.filter((r) => r.status === 409 && r.body.error === 'coupon_used_up').length;
  const other = replies.filter((r) => r.status !== 200 && !(r.status === 409 && r.body.error === 'coupon_used_up'));
  const { result, commits } = await afterStop(relay, dataDir, (db) => new Set((db.prepare("SELECT viewer_id FROM coupon_claims WHERE show_id = ? AND coupon_id = 'drop'").all(showId) as { viewer_id: string }[]).map((r) => r.viewer_id)));
  const lost = accepted.filter(({ viewer }) => !result.has(viewer)).length;
  const overQuota = Math.max(0, result.size - QUOTA);
  const lat = latencyLine(replies);
  const base = await bareBaseline(BUYERS, 64, { viewerId: viewers[0]!, couponId: 'drop' }, buyerAddress);
  console.log(`accepted ${accepted.length}, used up ${usedUp}, other ${other.length}${other.length ? ` (e.g. ${JSON.stringify(other[0]!.body)})` : ''}`);
  console.log(`SQLite after stop: ${result.size} claims; over quota ${overQuota}, lost ${lost}`);
  if (commits) console.log(`group commit on the relay: ${commits.jobs} jobs in ${commits.batches} transactions (largest ${commits.largest})`);
  console.log(`latency over all ${lat.n} requests (granted and used up): p50 ${lat.p50} ms, p95 ${lat.p95} ms, p99 ${lat.p99} ms; this process sent late by up to ${lat.sender_late_p99} ms (p99); 1-min load average ${lat.loadavg_1m} on ${os.cpus().length} cores`);
  console.log(`same burst (same source addresses, warm sockets) against a bare Node HTTP server just now: p50 ${base.p50} ms, p99 ${base.p99} ms, ${base.cpuMsPerRequest} ms CPU per request; ratio p99 ${ratio(lat.p99, base.p99)}; 1 sample (one burst)`);
  console.log(`relay CPU per request: ${relayCpuMsPerRequest} ms (user + system of its process over the burst)`);
  console.log(JSON.stringify({ bench: 'coupon-burst', metric: 'claim latency (tap to answer, all requests)', unit: 'ms', ...lat, ratio_p99: ratio(lat.p99, base.p99), samples: 1, relay_cpu_ms_per_request: relayCpuMsPerRequest, bare_http_p99: base.p99, bare_http_cpu_ms_per_request: base.cpuMsPerRequest, accepted: accepted.length, used_up: usedUp, other: other.length, over_quota: overQuota, lost, quota: QUOTA, viewers: BUYERS, source_addresses: BUYERS, commit_batches: commits?.batches ?? null }));
  if (accepted.length !== QUOTA || overQuota !== 0 || lost !== 0) process.exitCode = 1;
} catch (e) {
  await relay.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  throw e;
}
