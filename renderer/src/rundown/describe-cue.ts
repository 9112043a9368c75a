import { formatMoney } from '../../../common/commerce/money.js';
import type { Cue, CueAction } from '../../../common/rundown.js';
import type { CatalogItems } from '../catalog/catalog-data.js';
import { formatClock } from '../format.js';
import type { Strings } from '../i18n/strings.js';

/** The action select's values: one per action kind, and one per close target. */
export type ActionChoice = 'showProducts' | 'dropCoupon' | 'openQuiz' | 'openPoll' | 'close:cards' | 'close:coupon' | 'close:quiz' | 'close:poll';
export const ACTION_CHOICES: readonly ActionChoice[] = ['showProducts', 'dropCoupon', 'openQuiz', 'openPoll', 'close:cards', 'close:coupon', 'close:quiz', 'close:poll'];

export const choiceOf = (a: CueAction): ActionChoice => (a.kind === 'close' ? `close:${a.target}` : a.kind);

/** What a cue does, in one line the host reads at a glance: "Show cards: 봄 울 가디건, 린넨 셔츠". */
export function describeAction(a: CueAction, catalog: Partial<CatalogItems>, t: Strings, locale: string): string {
  const verb = t.rundown.actions[choiceOf(a)];
  const missing = `(${t.rundown.deletedItem})`;
  switch (a.kind) {
    case 'showProducts': {
      const names = a.productIds.map((id) => catalog.products?.find((p) => p.id === id)?.name ?? missing);
      return `${verb}: ${names.join(', ')}`;
    }
    case 'dropCoupon': {
      const c = catalog.coupons?.find((x) => x.id === a.couponId);
      if (!c) return `${verb}: ${missing}`;
      const value = c.kind === 'percent' ? `${c.amount}%` : formatMoney(c.amount, c.currency, locale);
      return `${verb}: ${c.code} (${value}) · ${formatClock(a.durationSec)}`;
    }
    case 'openQuiz':
      return `${verb}: ${catalog.quizzes?.find((q) => q.id === a.quizId)?.question ?? missing}`;
    case 'openPoll':
      return `${verb}: ${catalog.polls?.find((p) => p.id === a.pollId)?.question ?? missing}`;
    case 'close':
      return verb;
  }
}

export const cueTitle = (cue: Cue, catalog: Partial<CatalogItems>, t: Strings, locale: string) => cue.label || describeAction(cue.action, catalog, t, locale);
