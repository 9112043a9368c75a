import type { z } from 'zod';
import { type CouponNumbers, type Dashboard, type PollNumbers, type ProductNumbers, type QuizNumbers, type SegmentNumbers } from '../../../common/analytics.js';
import { DEFAULT_CURRENCY } from '../../../common/commerce/money.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Db } from '../db/database.js';
import type { SalesReader } from './sales.js';

/**
 * The live numbers of one show, from a handful of aggregate queries over its own rows (every table
 * is keyed by show id first, so a rehearsal's rows never mix into the real show's). Runs every 2 s
 * while live. Definitions: docs/decisions.md, "Analytics".
 */
export interface DashboardSources {
  db: Db;
  sales: SalesReader;
  /** Viewers per product and funnel step (kept by the funnel's recorder: engagement/funnel.ts). */
  funnel: (showId: string) => { id: string; kind: string; n: number }[];
}

type Count = { n: number };
// common/analytics.ts exports these three as schemas only.
type CouponNumbers = z.infer<typeof CouponNumbers>;
type QuizNumbers = z.infer<typeof QuizNumbers>;
type PollNumbers = z.infer<typeof PollNumbers>;

/** Ids a show's cues opened (dropped coupons, opened quizzes), from the cue log. */
const firedIds = (db: Db, showId: string, op: string, idPath: string) =>
  new Set(
    (db.prepare(`SELECT DISTINCT json_extract(op, ?) AS id FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') = ?`).all(idPath, showId, op) as { id: string | null }[])
      .map((r) => r.id)
      .filter((id): id is string => id !== null),
  );

/** Every catalog product (its stock matters even unsold), plus any product with orders or taps. */
function products({ db, sales, funnel: funnelOf }: DashboardSources, showId: string, catalog: ShowCatalog | null): ProductNumbers[] {
  const funnel = funnelOf(showId);
  const sold = new Map(sales.productTotals(showId).map((s) => [s.productId, s]));
  const stock = new Map((db.prepare('SELECT product_id AS id, SUM(stock) AS n FROM show_stock WHERE show_id = ? GROUP BY product_id').all(showId) as { id: string; n: number }[]).map((s) => [s.id, s.n]));
  const names = new Map<string, string>((catalog?.products ?? []).map((p) => [p.id, p.name]));
  for (const id of [...sold.keys(), ...funnel.map((f) => f.id)]) if (!names.has(id)) names.set(id, id);
  const steps = new Map(funnel.map((f) => [`${f.id}\u0000${f.kind}`, f.n]));
  const step = (id: string, kind: string) => steps.get(`${id}\u0000${kind}`) ?? 0;
  return [...names].map(([productId, name]) => {
    const s = sold.get(productId);
    return {
      productId,
      name,
      saw: step(productId, 'saw'),
      opened: step(productId, 'card_open'),
      startedCheckout: step(productId, 'checkout_start'),
      ordered: s?.buyers ?? 0,
      units: s?.units ?? 0,
      revenue: s?.revenue ?? 0,
      stockLeft: stock.get(productId) ?? 0,
    };
  });
}

/** One row per segment, in the order the host first reached it; orders are those placed during it (any visit). */
function segments({ db, sales }: DashboardSources, showId: string): SegmentNumbers[] {
  const moves = db.prepare('SELECT segment_id AS id, title, started_at AS at FROM show_segments WHERE show_id = ? ORDER BY started_at, rowid').all(showId) as { id: string; title: string; at: string }[];
  const totals = new Map(sales.segmentTotals(showId).map((t) => [t.segmentId, t]));
  const seen = new Map<string, SegmentNumbers>();
  for (const m of moves) {
    const s = seen.get(m.id);
    // The latest title wins (the host may have renamed it); the first start stays.
    if (s) s.title = m.title;
    else seen.set(m.id, { segmentId: m.id, title: m.title, startedAt: m.at, orders: totals.get(m.id)?.orders ?? 0, revenue: totals.get(m.id)?.revenue ?? 0 });
  }
  return [...seen.values()];
}

/** Coupons this show used: dropped, claimed, redeemed, or offered as a quiz prize. */
function coupons({ db, sales }: DashboardSources, showId: string, catalog: ShowCatalog | null): CouponNumbers[] {
  const claims = new Map(sales.claimCounts(showId).map((c) => [c.couponId, c.claimed]));
  const used = new Map(sales.redemptions(showId).map((r) => [r.couponId, r]));
  const dropped = firedIds(db, showId, 'dropCoupon', '$.coupon.couponId');
  const prizes = new Set((catalog?.quizzes ?? []).map((q) => q.rewardCouponId));
  return (catalog?.coupons ?? [])
    .filter((c) => dropped.has(c.id) || claims.has(c.id) || used.has(c.id) || prizes.has(c.id))
    .map((c) => ({ couponId: c.id, code: c.code, quota: c.totalQuota, claimed: claims.get(c.id) ?? 0, redeemed: used.get(c.id)?.redeemed ?? 0, discountGiven: used.get(c.id)?.discountGiven ?? 0 }));
}

function quizzes({ db }: DashboardSources, showId: string, catalog: ShowCatalog | null): QuizNumbers[] {
  const answers = new Map(
    (db.prepare('SELECT quiz_id AS id, COUNT(*) AS n, SUM(correct) AS correct FROM quiz_answers WHERE show_id = ? GROUP BY quiz_id').all(showId) as { id: string; n: number; correct: number }[]).map((a) => [a.id, a]),
  );
  const winners = new Map((db.prepare('SELECT quiz_id AS id, json_array_length(winners) AS n FROM quiz_results WHERE show_id = ?').all(showId) as { id: string; n: number }[]).map((r) => [r.id, r.n]));
  const opened = firedIds(db, showId, 'openQuiz', '$.quiz.quizId');
  return (catalog?.quizzes ?? [])
    .filter((q) => opened.has(q.id) || answers.has(q.id))
    .map((q) => ({ quizId: q.id, question: q.question, answers: answers.get(q.id)?.n ?? 0, correct: answers.get(q.id)?.correct ?? 0, winners: winners.get(q.id) ?? 0 }));
}

/** Polls as viewers saw them (question and choices from the cue), with the stored votes. */
function polls({ db }: DashboardSources, showId: string, catalog: ShowCatalog | null): PollNumbers[] {
  const fired = db.prepare("SELECT op FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') = 'openPoll' ORDER BY stage_version").all(showId) as { op: string }[];
  const shown = new Map<string, { question: string; choices: string[] }>();
  for (const r of fired) {
    const { poll } = JSON.parse(r.op) as { poll: { pollId: string; question: string; choices: string[] } };
    shown.set(poll.pollId, { question: poll.question, choices: poll.choices });
  }
  const votes = db.prepare('SELECT poll_id AS id, choice_index AS i, COUNT(*) AS n FROM poll_votes WHERE show_id = ? GROUP BY poll_id, choice_index').all(showId) as { id: string; i: number; n: number }[];
  for (const v of votes) {
    const def = catalog?.polls.find((p) => p.id === v.id);
    if (!shown.has(v.id) && def) shown.set(v.id, { question: def.question, choices: def.choices });
  }
  const count = new Map(votes.map((v) => [`${v.id}\u0000${v.i}`, v.n]));
  return [...shown].map(([pollId, p]) => ({ pollId, question: p.question, choices: p.choices, counts: p.choices.map((_c, i) => count.get(`${pollId}\u0000${i}`) ?? 0) }));
}

export function computeDashboard(src: DashboardSources, showId: string, catalog: ShowCatalog | null, viewersNow: number, now: number): Dashboard {
  const { db, sales } = src;
  const totals = sales.showTotals(showId);
  const uniqueViewers = (db.prepare('SELECT COUNT(*) AS n FROM show_viewers WHERE show_id = ?').get(showId) as Count).n;
  const peak = (db.prepare('SELECT COALESCE(MAX(viewers), 0) AS n FROM viewer_samples WHERE show_id = ?').get(showId) as Count).n;
  return {
    showId,
    currency: catalog?.products[0]?.currency ?? catalog?.coupons[0]?.currency ?? DEFAULT_CURRENCY,
    at: now,
    viewersNow,
    viewersPeak: Math.max(peak, viewersNow),
    uniqueViewers,
    orders: totals.orders,
    revenue: totals.revenue,
    buyers: totals.buyers,
    conversion: uniqueViewers === 0 ? 0 : totals.buyers / uniqueViewers,
    products: products(src, showId, catalog),
    segments: segments(src, showId),
    coupons: coupons(src, showId, catalog),
    quizzes: quizzes(src, showId, catalog),
    polls: polls(src, showId, catalog),
  };
}
