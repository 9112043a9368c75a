/**
 * BENCH_MODE=carts npm run bench:flash-sale — the flash sale with carts: five products with small
 * stock (20–60, 200 units), 2,000 buyers each checking out one cart of 1–3 lines from overlapping
 * products through the relay's cart checkout (POST …/carts), spread evenly over one second. Every
 * tenth buyer's request is sent twice at once with the same idempotency key (a client retrying an
 * answer it has not seen yet), and after the burst those buyers send it once more (a retry after
 * the answer). The guarantees are checked in the relay's SQLite file after it stops, not from the
 * bench's counters: per product, units ordered ≤ stock and units ordered + stock left = stock
 * (nothing taken without an order); every 2xx cart is in the file with exactly its lines; no
 * refused buyer has any row; one cart per key however often it was sent.
 */
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { randomId } from '../helpers/commerce-api.js';
import { round1 } from '../helpers/stats.js';
import { bareBaseline } from './bare-http-baseline.js';
import { afterStop, BUYERS, burst, buyerAddress, freshRelay, latencyLine, makeClient, openShow, ratio, registerViewers, relayCpuSeconds, retryTaps, SPREAD_MS, warmSockets, type Reply } from './commerce-burst.js';
import { CART_PRODUCTS, cartCatalog, cartOrder } from './flash-sale-shop.js';

/** Every tenth buyer retries by default (BENCH_RETRY_EVERY; 0 = none, to see what the duplicates cost). */
const { every: RETRY_EVERY, isRetrier, taps } = retryTaps(BUYERS, 10);
const STOCK_REFUSALS = new Set(['sold_out', 'out_of_stock']);
const loadStart = round1(os.loadavg()[0]!);

/** An order row as the check needs it: whose, which product, how many, which cart. */
interface Row {
  viewer_id: string;
  product_id: string;
  quantity: number;
  cart_id: string | null;
}

function readShop(db: Database.Database, showId: string) {
  const rows = db.prepare('SELECT viewer_id, product_id, quantity, cart_id FROM orders WHERE show_id = ?').all(showId) as Row[];
  const left = new Map((db.prepare('SELECT product_id, stock FROM show_stock WHERE show_id = ?').all(showId) as { product_id: string; stock: number }[]).map((r) => [r.product_id, r.stock]));
  return { rows, left };
}

/** The same lines, whatever their order: "product×quantity" sorted. */
const lineKey = (ls: { productId?: string; product_id?: string; quantity: number }[]) =>
  ls
    .map((l) => `${l.productId ?? l.product_id}×${l.quantity}`)
    .sort()
    .join(',');

const { relay, dataDir } = await freshRelay();
const { send, agent } = makeClient(relay);
try {
  const { showId, token } = await openShow(send, 'flash sale with carts', cartCatalog());
  const viewers = await registerViewers(send, token, BUYERS, buyerAddress);
  const keys = Array.from({ length: BUYERS }, () => randomId('cart_'));
  const bodies = viewers.map((v, i) => cartOrder(v, i, keys[i]!));
  await warmSockets(BUYERS, (i) => send('GET', `/api/watch/${token}/payment`, undefined, false, performance.now(), buyerAddress(i)));
  const maxCartLines = Math.max(...bodies.map((b) => b.lines.length));
  const linesAsked = bodies.reduce((n, b) => n + b.lines.length, 0);
  console.log(`registered ${BUYERS} viewers from ${BUYERS} source addresses; ${taps.length} cart checkouts (${BUYERS} carts of 1–${maxCartLines} lines, ${linesAsked} lines, ${taps.length - BUYERS} overlapping retries) within ${SPREAD_MS} ms over ${CART_PRODUCTS.length} products holding ${CART_PRODUCTS.reduce((n, p) => n + p.stock, 0)} units`);

  const cpu0 = relayCpuSeconds(relay);
  const replies = await burst(taps.length, (k, due) => send('POST', `/api/watch/${token}/carts`, bodies[taps[k]!.i], false, due, buyerAddress(taps[k]!.i)));
  const relayCpuMsPerRequest = Math.round(((relayCpuSeconds(relay) - cpu0) * 1000 * 100) / taps.length) / 100;
  // A retry after the answer, one at a time (untimed): the relay must find the key in SQLite.
  const late: Reply[] = [];
  for (let i = 0; i < BUYERS; i++) if (isRetrier(i)) late.push(await send('POST', `/api/watch/${token}/carts`, bodies[i], false, performance.now(), buyerAddress(i)));
  agent.destroy();

  // What each buyer was told, over all its answers (timed, overlapping and late).
  const answers = new Map<number, Reply[]>();
  taps.forEach((t, k) => answers.set(t.i, [...(answers.get(t.i) ?? []), replies[k]!]));
  late.forEach((r, k) => answers.get(k * RETRY_EVERY + RETRY_EVERY - 1)!.push(r)); // the k-th retrier
  const refusals: Record<string, number> = {};
  for (const r of replies) if (r.status >= 300 || r.status === 0) refusals[String(r.body.error ?? r.status)] = (refusals[String(r.body.error ?? r.status)] ?? 0) + 1;
  const other = Object.entries(refusals).filter(([code]) => !STOCK_REFUSALS.has(code)).reduce((n, [, c]) => n + c, 0);

  const { result, commits } = await afterStop(relay, dataDir, (db) => readShop(db, showId));
  const rowsByViewer = new Map<string, Row[]>();
  for (const r of result.rows) rowsByViewer.set(r.viewer_id, [...(rowsByViewer.get(r.viewer_id) ?? []), r]);
  let lost = 0; // a 2xx whose cart is not in the file with exactly the lines asked
  let refusedTookStock = 0; // a buyer never answered 2xx who has rows: a refused cart took stock
  let keyConflicts = 0; // one key answered with two different cart ids, or stored as two carts
  let carts = 0;
  let retriedCarts = 0;
  for (let i = 0; i < BUYERS; i++) {
    const ok = answers.get(i)!.filter((r) => r.status === 201 || r.status === 200);
    const rows = rowsByViewer.get(viewers[i]!) ?? [];
    const storedCarts = new Set(rows.map((r) => r.cart_id));
    if (ok.length === 0) {
      if (rows.length > 0) refusedTookStock++;
      continue;
    }
    carts++;
    if (isRetrier(i)) retriedCarts++;
    const cartIds = new Set(ok.map((r) => r.body.cartId as string));
    if (cartIds.size !== 1 || storedCarts.size > 1 || ok.filter((r) => r.status === 201).length !== 1) keyConflicts++;
    const cartId = [...cartIds][0]!;
    if (!storedCarts.has(cartId) || lineKey(rows.filter((r) => r.cart_id === cartId)) !== lineKey(bodies[i]!.lines)) lost++;
  }
  const perProduct = CART_PRODUCTS.map((p) => {
    const sold = result.rows.filter((r) => r.product_id === p.id).reduce((n, r) => n + r.quantity, 0);
    const left = result.left.get(p.id) ?? Number.NaN;
    return { id: p.id, stock: p.stock, sold, left };
  });
  const oversold = perProduct.reduce((n, p) => n + Math.max(0, p.sold - p.stock) + (p.left < 0 ? 1 : 0), 0);
  // Units that left the stock without an order row (or came back): all or nothing, seen from the ledger.
  const stockDrift = perProduct.reduce((n, p) => n + Math.abs(p.stock - p.sold - p.left), 0);

  const lat = latencyLine(replies);
  const base = await bareBaseline(taps.length, 64, bodies[0], (k) => buyerAddress(taps[k]!.i));
  const loadEnd = round1(os.loadavg()[0]!);
  console.log(`per product (stock → ordered in SQLite, left): ${perProduct.map((p) => `${p.id} ${p.stock} → ${p.sold}, ${p.left}`).join('; ')}`);
  console.log(`carts placed ${carts} (${result.rows.length} lines in SQLite); refusals ${JSON.stringify(refusals)}; retried keys: ${retriedCarts} placed carts among ${late.length} retriers, key conflicts ${keyConflicts}`);
  console.log(`oversold ${oversold}, lost ${lost}, refused carts that took stock ${refusedTookStock}, stock drift ${stockDrift}`);
  if (commits) console.log(`group commit on the relay: ${commits.jobs} jobs in ${commits.batches} transactions (largest ${commits.largest})`);
  console.log(`latency over all ${lat.n} cart checkouts (placed, replayed and refused): p50 ${lat.p50} ms, p95 ${lat.p95} ms, p99 ${lat.p99} ms; sender late p99 ${lat.sender_late_p99} ms; load ${loadStart} → ${loadEnd} on ${os.cpus().length} cores`);
  console.log(`bare Node HTTP server, the same ${taps.length} requests from the same addresses just now: p50 ${base.p50} ms, p99 ${base.p99} ms; ratio p99 ${ratio(lat.p99, base.p99)}; relay CPU ${relayCpuMsPerRequest} ms per request; 1 sample (one burst)`);
  console.log(
    JSON.stringify({
      bench: 'flash-sale',
      mode: 'carts',
      metric: 'cart checkout latency (tap to answer, all requests)',
      unit: 'ms',
      ...lat,
      ratio_p99: ratio(lat.p99, base.p99),
      samples: 1,
      bare_http_p99: base.p99,
      relay_cpu_ms_per_request: relayCpuMsPerRequest,
      max_cart_lines: maxCartLines,
      carts,
      lines: result.rows.length,
      carts_asked: BUYERS,
      lines_asked: linesAsked,
      retried_keys: late.length,
      key_conflicts: keyConflicts,
      oversold,
      lost,
      refused_took_stock: refusedTookStock,
      stock_drift: stockDrift,
      other_refusals: other,
      products: CART_PRODUCTS.length,
      units: CART_PRODUCTS.reduce((n, p) => n + p.stock, 0),
      load_start: loadStart,
      load_end: loadEnd,
      commit_batches: commits?.batches ?? null,
    }),
  );
  if (oversold || lost || refusedTookStock || stockDrift || keyConflicts || other || carts === 0) process.exitCode = 1;
} catch (e) {
  await relay.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  throw e;
}
