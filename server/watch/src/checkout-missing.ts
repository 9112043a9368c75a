import type { BuyerDraft } from './checkout-form.js';

/** What the order button waits for, in the order of the form; the button lists it while disabled. */
export type MissingPiece = 'option' | 'name' | 'phone' | 'postcode' | 'line1' | 'consent' | 'pay' | 'quote';

/**
 * Only what is missing, not what is wrong: an empty required field, an unticked consent, no way to
 * pay chosen, no price yet. A filled-in but invalid field is explained next to the field on Order.
 */
export function missingForOrder(a: { needsOption: boolean; buyer: BuyerDraft; consent: boolean; pay: string | null; priced: boolean }): MissingPiece[] {
  const out: MissingPiece[] = [];
  if (a.needsOption) out.push('option');
  for (const f of ['name', 'phone', 'postcode', 'line1'] as const) if (!a.buyer[f].trim()) out.push(f);
  if (!a.consent) out.push('consent');
  if (a.pay === null) out.push('pay');
  if (!a.needsOption && !a.priced) out.push('quote');
  return out;
}
