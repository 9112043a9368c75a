import { ipcChannels } from '../../../../common/ipc-contract.js';
import type { Cue, CueAction, Segment } from '../../../../common/rundown.js';
import type { CatalogItems } from '../../catalog/catalog-data.js';
import { newId } from '../../catalog/ids.js';
import { fieldErrors, type FieldErrors } from '../../catalog/validation.js';
import type { Strings } from '../../i18n/strings.js';
import type { ActionChoice } from '../../rundown/describe-cue.js';

/**
 * The editor keeps segments in their saved shape; values not yet valid are kept as typed
 * (NaN for an unreadable mm:ss, '' for a coupon not yet picked) and the save schema reports them.
 */
export const newSegment = (n: number, t: Strings): Segment => ({ id: newId(), title: t.rundown.untitled(n), plannedSec: 300, talkingPoints: '', featuredProductIds: [], cues: [], obsActions: [] });

export function newCue(segment: Segment, catalog: Partial<CatalogItems>): Cue {
  const productIds = segment.featuredProductIds.slice(0, 3);
  const first = catalog.products?.[0]?.id;
  return { id: newId(), label: '', action: { kind: 'showProducts', productIds: productIds.length ? productIds : first ? [first] : [] }, trigger: { type: 'manual' }, obsActions: [] };
}

/** The action for a new choice in the select, keeping what still fits. */
export function actionFor(choice: ActionChoice, prev: CueAction, segment: Segment, catalog: Partial<CatalogItems>): CueAction {
  switch (choice) {
    case 'showProducts':
      return prev.kind === 'showProducts' ? prev : { kind: 'showProducts', productIds: segment.featuredProductIds.slice(0, 3) };
    case 'dropCoupon':
      return { kind: 'dropCoupon', couponId: catalog.coupons?.[0]?.id ?? '', durationSec: 300 };
    case 'openQuiz':
      return { kind: 'openQuiz', quizId: catalog.quizzes?.[0]?.id ?? '' };
    case 'openPoll':
      return { kind: 'openPoll', pollId: catalog.polls?.[0]?.id ?? '' };
    default:
      return { kind: 'close', target: choice.slice('close:'.length) as 'cards' | 'coupon' | 'quiz' | 'poll' };
  }
}

/** Checks a save with the contract's own schema; messages by path ("segments.0.title"). */
export function checkRundown(req: { name: string; showId: string | null; segments: Segment[] }, t: Strings): FieldErrors {
  const parsed = ipcChannels['rundowns.save'].request.safeParse(req);
  const errors = parsed.success ? {} : fieldErrors(parsed.error, t);
  const r = t.rundown;
  // Say what to do, not "id must be 1–40 letters", for a pick not made yet.
  for (const key of Object.keys(errors)) {
    if (key.endsWith('.action.productIds') || /\.action\.productIds\.\d+$/.test(key)) errors[key.replace(/\.\d+$/, '')] = [r.needProducts];
    else if (key.endsWith('.action.couponId')) errors[key] = [r.needCoupon];
    else if (key.endsWith('.action.quizId')) errors[key] = [r.needQuiz];
    else if (key.endsWith('.action.pollId')) errors[key] = [r.needPoll];
    else if (key.endsWith('.plannedSec') && req.segments.some((s) => Number.isNaN(s.plannedSec))) {
      const i = Number(key.split('.')[1]);
      if (Number.isNaN(req.segments[i]?.plannedSec)) errors[key] = [r.badDuration];
    }
  }
  for (const key of Object.keys(errors)) if (/\.action\.productIds\.\d+$/.test(key)) delete errors[key];
  return errors;
}

/** Cue references to items no longer in the catalog (deleted since), by path; shown as warnings. */
export function danglingRefs(segments: Segment[], catalog: Partial<CatalogItems>): Set<string> {
  const out = new Set<string>();
  const has = (list: { id: string }[] | undefined, id: string) => !list || !id || list.some((x) => x.id === id);
  segments.forEach((s, i) =>
    s.cues.forEach((c, k) => {
      const a = c.action;
      const bad =
        (a.kind === 'showProducts' && a.productIds.some((id) => !has(catalog.products, id))) ||
        (a.kind === 'dropCoupon' && !has(catalog.coupons, a.couponId)) ||
        (a.kind === 'openQuiz' && !has(catalog.quizzes, a.quizId)) ||
        (a.kind === 'openPoll' && !has(catalog.polls, a.pollId));
      if (bad) out.add(`segments.${i}.cues.${k}`);
    }),
  );
  return out;
}
