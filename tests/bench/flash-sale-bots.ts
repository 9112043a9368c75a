/**
 * BENCH_MODE=bots npm run bench:flash-sale — the flash sale (stock 100, a cap of 1 per buyer)
 * with a script among the 2,000 buyers: 50 of the taps, all in the first 50 ms (a script is
 * fastest), come from one scripted client on one address (127.66.66.66), each with its own device id (registered before, within its network's
 * budget), a fresh phone and address, paying by bank transfer it never makes. In the same second
 * it also answers an open "first 5" quiz with every id and a forged shownAt (its send time), and
 * asks for 20 more device ids. The 1,950 real buyers each tap from their own 127.x.y.z address;
 * 100 of them also answer the quiz honestly. Reported: accepted_real, accepted_bots, oversold,
 * lost, the script's quiz prizes and new ids, p99 over the real buyers' taps, and the bare-HTTP
 * floor for the same 2,000 taps from the same addresses.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { percentile, round1 } from '../helpers/stats.js';
import { bareBaseline } from './bare-http-baseline.js';
import { afterStop, BUYERS, burst, buyerAddress, freshRelay, latencyLine, makeClient, openShow, ratio, registerViewers, relayCpuSeconds, SPREAD_MS, warmSockets, type Reply } from './commerce-burst.js';
import { flashCatalog, flashOrder, STOCK } from './flash-sale-shop.js';

const SCRIPT = '127.66.66.66';
const BOT_IDS = 50;
const FRESH_IDS = 20;
const REAL_ANSWERS = 100;
const QUIZ_WINNERS = 5;

/** A script is fastest: its 50 taps are every other one of the first 100 (the first 50 ms of the second), when stock is still there. */
const isBot = (i: number) => i < 2 * BOT_IDS && i % 2 === 0;
type Tap = { kind: 'order'; i: number } | { kind: 'botAnswer'; bot: number } | { kind: 'botRegister' } | { kind: 'realAnswer'; i: number };

const { relay, dataDir } = await freshRelay();
const { send, agent } = makeClient(relay);
try {
  const catalog = flashCatalog(1);
  catalog.quizzes = [{ id: 'q-bench', question: '오늘 패딩의 충전재는?', choices: ['덕다운', '구스다운'], correctIndex: 1, winners: QUIZ_WINNERS, winnerRule: 'first', rewardCouponId: null }];
  const { showId, token } = await openShow(send, 'flash sale with a script', catalog);
  const realIdx = Array.from({ length: BUYERS }, (_, i) => i).filter((i) => !isBot(i));
  const realIds = await registerViewers(send, token, realIdx.length, (k) => buyerAddress(realIdx[k]!));
  const botIds = await registerViewers(send, token, BOT_IDS, () => SCRIPT);
  const viewerOf = new Map<number, string>();
  realIdx.forEach((i, k) => viewerOf.set(i, realIds[k]!));
  let b = 0;
  for (let i = 0; i < BUYERS; i++) if (isBot(i)) viewerOf.set(i, botIds[b++]!);
  const fromOf = (i: number) => (isBot(i) ? SCRIPT : buyerAddress(i));

  const cue = await send('POST', `/api/shows/${showId}/cues`, { firingId: 'quiz-1', baseVersion: 0, captureMs: null, op: { op: 'openQuiz', quiz: { quizId: 'q-bench', question: '오늘 패딩의 충전재는?', choices: ['덕다운', '구스다운'], winners: QUIZ_WINNERS }, durationSec: 30 } }, true);
  if (cue.status !== 200) throw new Error(`openQuiz refused: ${JSON.stringify(cue.body)}`);
  await warmSockets(BUYERS, (i) => send('GET', `/api/watch/${token}/payment`, undefined, false, performance.now(), fromOf(i)));

  // The timed second: every buyer's tap, plus the script's extras and some honest quiz answers, interleaved.
  const taps: Tap[] = Array.from({ length: BUYERS }, (_, i) => ({ kind: 'order', i }) as Tap);
  for (let k = 0; k < BOT_IDS; k++) taps.splice(Math.floor(((k + 0.5) * taps.length) / BOT_IDS), 0, { kind: 'botAnswer', bot: k });
  for (let k = 0; k < FRESH_IDS; k++) taps.splice(Math.floor(((k + 0.3) * taps.length) / FRESH_IDS), 0, { kind: 'botRegister' });
  for (let k = 0; k < REAL_ANSWERS; k++) taps.splice(Math.floor(((k + 0.7) * taps.length) / REAL_ANSWERS), 0, { kind: 'realAnswer', i: realIdx[k * 7]! });
  console.log(`registered ${realIds.length} real viewers from ${realIds.length} source addresses and ${BOT_IDS} scripted ids from ${SCRIPT}; quiz open; ${taps.length} requests within ${SPREAD_MS} ms`);
  const fire = (t: Tap, due: number): Promise<Reply> => {
    const w = `/api/watch/${token}`;
    if (t.kind === 'order') {
      const over = isBot(t.i) ? { buyer: { name: '봇', phone: `010-6666-${String(t.i).padStart(4, '0')}`, address: { postcode: '04524', line1: '서울 중구 세종대로 110', line2: `${t.i}호` }, note: '' } } : {};
      return send('POST', `${w}/orders`, flashOrder(viewerOf.get(t.i)!, t.i, over), false, due, fromOf(t.i));
    }
    if (t.kind === 'botAnswer') return send('POST', `${w}/quizzes/answer`, { viewerId: botIds[t.bot]!, quizId: 'q-bench', choiceIndex: 1, shownAt: Date.now() }, false, due, SCRIPT);
    if (t.kind === 'botRegister') return send('POST', `${w}/viewers`, { viewerId: null, nickname: null }, false, due, SCRIPT);
    return send('POST', `${w}/quizzes/answer`, { viewerId: viewerOf.get(t.i)!, quizId: 'q-bench', choiceIndex: 1, shownAt: Date.now() - 400 }, false, due, buyerAddress(t.i));
  };
  const cpu0 = relayCpuSeconds(relay);
  const replies = await burst(taps.length, (k, due) => fire(taps[k]!, due));
  const relayCpuMsPerRequest = Math.round(((relayCpuSeconds(relay) - cpu0) * 1000 * 100) / taps.length) / 100;
  await send('POST', `/api/shows/${showId}/cues`, { firingId: 'quiz-close', baseVersion: cue.body.version, captureMs: null, op: { op: 'closeQuiz' } }, true);
  // Decided once answers in flight can have arrived (quiz-rules: 3 s grace + 1 s slack after the close).
  await new Promise((r) => setTimeout(r, 5000));
  agent.destroy();

  const of = (kind: Tap['kind'], pred: (t: Tap) => boolean = () => true) => replies.filter((_, k) => taps[k]!.kind === kind && pred(taps[k]!));
  const realOrders = of('order', (t) => t.kind === 'order' && !isBot(t.i));
  const botOrders = of('order', (t) => t.kind === 'order' && isBot(t.i));
  const acceptedReal = realOrders.filter((r) => r.status === 201).length;
  const acceptedBots = botOrders.filter((r) => r.status === 201).length;
  const freshIssued = of('botRegister').filter((r) => r.status === 200).length;
  const botAnswers = of('botAnswer');
  const refusals = (rs: Reply[]) => Object.entries(rs.filter((r) => r.status >= 300).reduce<Record<string, number>>((m, r) => ((m[String(r.body.error)] = (m[String(r.body.error)] ?? 0) + 1), m), {}));
  const accepted = [...realOrders, ...botOrders].filter((r) => r.status === 201);
  const { result, commits } = await afterStop(relay, dataDir, (db) => {
    const units = (db.prepare('SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE show_id = ?').get(showId) as { n: number }).n;
    const stored = new Set((db.prepare('SELECT id FROM orders WHERE show_id = ?').all(showId) as { id: string }[]).map((r) => r.id));
    const winners = JSON.parse((db.prepare("SELECT winners FROM quiz_results WHERE show_id = ? AND quiz_id = 'q-bench'").get(showId) as { winners: string } | undefined)?.winners ?? '[]') as string[];
    return { units, stored, winners };
  });
  const lost = accepted.filter((r) => !result.stored.has(r.body.id as string)).length;
  const oversold = Math.max(0, result.units - STOCK);
  const botSet = new Set(botIds);
  const botPrizes = result.winners.filter((w) => botSet.has(w)).length;
  const lat = latencyLine(realOrders);
  const all = latencyLine(replies);
  const base = await bareBaseline(BUYERS, 64, flashOrder(realIds[0]!, 0), fromOf);
  console.log(`real buyers: ${acceptedReal} accepted of ${realOrders.length}; refusals ${JSON.stringify(refusals(realOrders))}`);
  console.log(`script: ${acceptedBots} orders accepted of ${botOrders.length} (refusals ${JSON.stringify(refusals(botOrders))}); ${freshIssued} of ${FRESH_IDS} new ids issued; quiz answers ${botAnswers.filter((r) => r.status === 200).length} accepted, prizes ${botPrizes} of ${result.winners.length}`);
  console.log(`SQLite after stop: ${result.stored.size} orders, ${result.units} units; oversold ${oversold}, lost ${lost}`);
  if (commits) console.log(`group commit on the relay: ${commits.jobs} jobs in ${commits.batches} transactions (largest ${commits.largest})`);
  console.log(`latency of the real buyers' ${lat.n} taps: p50 ${lat.p50} ms, p95 ${lat.p95} ms, p99 ${lat.p99} ms (all ${all.n} requests: p99 ${all.p99} ms); sender late p99 ${lat.sender_late_p99} ms; load ${lat.loadavg_1m} on ${os.cpus().length} cores`);
  console.log(`bare Node HTTP server, the same ${BUYERS} taps from the same addresses just now: p50 ${base.p50} ms, p99 ${base.p99} ms; ratio p99 ${ratio(lat.p99, base.p99)}; relay CPU ${relayCpuMsPerRequest} ms per request; 1 sample (one burst)`);
  const real99 = round1(percentile(realOrders.map((r) => r.ms), 99));
  console.log(JSON.stringify({ bench: 'flash-sale', mode: 'bots', metric: 'order latency of real buyers (tap to answer)', unit: 'ms', ...lat, p99: real99, ratio_p99: ratio(real99, base.p99), samples: 1, all_requests_p99: all.p99, bare_http_p99: base.p99, relay_cpu_ms_per_request: relayCpuMsPerRequest, accepted_real: acceptedReal, accepted_bots: acceptedBots, bot_quiz_prizes: botPrizes, bot_new_ids: freshIssued, oversold, lost, stock: STOCK, real_buyers: realOrders.length, bot_ids: BOT_IDS, requests: taps.length, commit_batches: commits?.batches ?? null }));
  if (acceptedBots > 5 || acceptedReal < 90 || oversold !== 0 || lost !== 0) process.exitCode = 1;
} catch (e) {
  await relay.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  throw e;
}
