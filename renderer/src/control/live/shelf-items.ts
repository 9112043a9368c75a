import type { Coupon, Poll, Product, Quiz } from '../../../../common/commerce/catalog.js';
import type { CueAction } from '../../../../common/rundown.js';

/** How long a coupon fired from the shelf runs (the run-down lets the host choose; the shelf is for the moment). */
export const SHELF_COUPON_SEC = 120;
/** Recently fired keys remembered per show, most recent first. */
export const MAX_RECENT = 12;

export type ShelfKind = 'product' | 'coupon' | 'quiz' | 'poll';

/** One thing on the live shelf: what the host reads, what she can type to find it, and the cue it fires. */
export interface ShelfItem {
  key: string;
  kind: ShelfKind;
  label: string;
  /** Extra words the filter matches (a coupon's code, option names). */
  terms: string;
  action: CueAction;
  /** Stock for products (the studio's view; the relay fills current figures as it sends), null otherwise. */
  stock: number | null;
}

const KIND_ORDER: Record<ShelfKind, number> = { product: 0, coupon: 1, quiz: 2, poll: 3 };

export function shelfItems(c: { products?: Product[]; coupons?: Coupon[]; quizzes?: Quiz[]; polls?: Poll[] }): ShelfItem[] {
  return [
    ...(c.products ?? []).map((p): ShelfItem => ({ key: `product:${p.id}`, kind: 'product', label: p.name, terms: p.options.map((o) => o.name).join(' '), action: { kind: 'showProducts', productIds: [p.id] }, stock: p.stock })),
    ...(c.coupons ?? []).map((k): ShelfItem => ({ key: `coupon:${k.id}`, kind: 'coupon', label: k.code, terms: '', action: { kind: 'dropCoupon', couponId: k.id, durationSec: SHELF_COUPON_SEC }, stock: null })),
    ...(c.quizzes ?? []).map((q): ShelfItem => ({ key: `quiz:${q.id}`, kind: 'quiz', label: q.question, terms: q.choices.join(' '), action: { kind: 'openQuiz', quizId: q.id }, stock: null })),
    ...(c.polls ?? []).map((p): ShelfItem => ({ key: `poll:${p.id}`, kind: 'poll', label: p.question, terms: p.choices.join(' '), action: { kind: 'openPoll', pollId: p.id }, stock: null })),
  ];
}

// Korean typed on a Mac arrives decomposed (NFD); compare composed and case-folded.
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('ko-KR').replace(/\s+/g, ' ').trim();

/**
 * What the shelf lists for a query: every word of the query must appear in the label or terms.
 * Recently fired first (most recent first), then products, coupons, quizzes, polls, each by label.
 */
export function filterShelf(items: ShelfItem[], query: string, recent: readonly string[]): ShelfItem[] {
  const words = fold(query).split(' ').filter(Boolean);
  const rank = new Map(recent.map((k, i) => [k, i]));
  return items
    .filter((it) => {
      const hay = fold(`${it.label} ${it.terms}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label, 'ko'));
}

/** The recent list after firing `key`: moved to the front, bounded. */
export function markUsed(recent: readonly string[], key: string): string[] {
  return [key, ...recent.filter((k) => k !== key)].slice(0, MAX_RECENT);
}
