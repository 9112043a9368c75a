import type { Buyer, SellerOrder } from '../../../common/commerce/order.js';
import { formatMoney, type Currency } from '../../../common/commerce/money.js';
import type { Show } from '../../../common/show.js';

/** Pure number and text helpers for the orders, dashboard and report screens (tested without a DOM). */

/** Conversion as the seller reads it: buyers ÷ unique viewers, in percent; null when nobody watched yet. */
export function conversionPct(buyers: number, uniqueViewers: number): number | null {
  if (uniqueViewers <= 0) return null;
  return (buyers / uniqueViewers) * 100;
}

/** "4.2%" (one decimal below 10 %, none above), "—" when there is no figure. */
export function formatPct(pct: number | null, lang: 'ko' | 'en'): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  const digits = pct < 10 && pct !== 0 ? 1 : 0;
  return `${new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(pct)}%`;
}

/** Share of `part` in `whole` as a percentage, for funnel steps; null when `whole` is 0. */
export function sharePct(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

export function money(minor: number, currency: Currency, lang: 'ko' | 'en'): string {
  return formatMoney(minor, currency, lang === 'ko' ? 'ko-KR' : 'en-US');
}

export function count(n: number, lang: 'ko' | 'en'): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(n);
}

/** A rehearsal's orders are practice: the show is a rehearsal, or the relay numbered the order R-…. */
export function isRehearsalOrder(order: Pick<SellerOrder, 'number'>, show: Pick<Show, 'rehearsalOf'> | null): boolean {
  return (show?.rehearsalOf ?? null) !== null || order.number.startsWith('R-');
}

/** "캐시미어 니트 · M × 2" */
export function orderLine(order: Pick<SellerOrder, 'quote'>): string {
  const q = order.quote;
  return `${q.productName}${q.optionName ? ` · ${q.optionName}` : ''} × ${q.quantity}`;
}

/** "(06236) 서울특별시 강남구 테헤란로 427 10층" */
export function addressText(buyer: Pick<Buyer, 'address'>): string {
  const a = buyer.address;
  return `(${a.postcode}) ${a.line1}${a.line2 ? ` ${a.line2}` : ''}`;
}

/** What a seller can still do with an order in this status. */
export function orderActions(order: Pick<SellerOrder, 'status' | 'buyer'>): { markPaid: boolean; cancel: boolean; refund: boolean; erase: boolean } {
  return {
    markPaid: order.status === 'awaiting_payment',
    cancel: order.status === 'awaiting_payment',
    refund: order.status === 'paid',
    erase: order.buyer !== null,
  };
}
