import { parseMajorAmount } from '../../../../common/commerce/money.js';
import { DEFAULT_PAYMENT_WINDOW_MINUTES, PaymentSettings } from '../../../../common/commerce/show-catalog.js';
import { fieldErrors, intOf, type FieldErrors } from '../../catalog/validation.js';
import type { Strings } from '../../i18n/strings.js';

/** The payment form as the seller types it (amounts as text: "3,000"). */
export interface PaymentDraft {
  bankOn: boolean;
  bank: string;
  account: string;
  holder: string;
  /** Minutes an unpaid transfer holds its stock before the order expires. */
  window: string;
  cod: boolean;
  card: boolean;
  fee: string;
  freeOn: boolean;
  freeFrom: string;
  /** Extra shipping for Jeju and for islands/remote places (제주/도서산간), by the buyer's postcode. */
  remoteOn: boolean;
  jeju: string;
  island: string;
}

const amountText = (n: number) => new Intl.NumberFormat('en-US').format(n);

export function toDraft(p: PaymentSettings): PaymentDraft {
  return {
    bankOn: p.bankTransfer !== null,
    bank: p.bankTransfer?.bank ?? '',
    account: p.bankTransfer?.accountNumber ?? '',
    holder: p.bankTransfer?.holder ?? '',
    window: String(p.bankTransfer?.paymentWindowMinutes ?? DEFAULT_PAYMENT_WINDOW_MINUTES),
    cod: p.cashOnDelivery,
    card: p.card,
    fee: amountText(p.shippingFee),
    freeOn: p.freeShippingFrom !== null,
    freeFrom: p.freeShippingFrom === null ? '' : amountText(p.freeShippingFrom),
    remoteOn: p.remoteSurcharge !== undefined,
    // Common Korean courier surcharges as a starting point; the seller edits them.
    jeju: amountText(p.remoteSurcharge?.jeju ?? 3000),
    island: amountText(p.remoteSurcharge?.island ?? 5000),
  };
}

const amount = (text: string) => parseMajorAmount(text, 'KRW') ?? NaN;

function amountProblem(text: string, t: Strings): string | null {
  const cleaned = text.trim().replace(/[,\s₩]/g, '');
  if (/^-\d/.test(cleaned)) return t.commerce.payment.negativeAmount;
  if (/^\d+\.\d+$/.test(cleaned)) return t.commerce.payment.wholeWon;
  return null;
}

/** The settings the core would store, or the field errors (by the contract's own schema) in the seller's language. */
export function checkPayment(d: PaymentDraft, t: Strings): { settings: PaymentSettings; errors: null } | { settings: null; errors: FieldErrors } {
  const candidate = {
    bankTransfer: d.bankOn ? { bank: d.bank, accountNumber: d.account, holder: d.holder, paymentWindowMinutes: intOf(d.window) } : null,
    cashOnDelivery: d.cod,
    card: d.card,
    shippingFee: amount(d.fee),
    freeShippingFrom: d.freeOn ? amount(d.freeFrom) : null,
    ...(d.remoteOn ? { remoteSurcharge: { jeju: amount(d.jeju), island: amount(d.island) } } : {}),
  };
  const parsed = PaymentSettings.safeParse(candidate);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, t);
  // A minus sign or a fraction reads as "not a number" to the parser: say what is wrong instead.
  const typed: [string, string, boolean][] = [
    [d.fee, 'shippingFee', true],
    [d.freeFrom, 'freeShippingFrom', d.freeOn],
    [d.jeju, 'remoteSurcharge.jeju', d.remoteOn],
    [d.island, 'remoteSurcharge.island', d.remoteOn],
  ];
  for (const [text, key, on] of typed) {
    const problem = on && Number.isNaN(amount(text)) ? amountProblem(text, t) : null;
    if (problem) errors[key] = [problem];
  }
  if (!d.bankOn && !d.cod && !d.card) errors.methods = [t.catalog.validation.messages['turn on at least one way to pay'] ?? 'Turn on at least one way to pay'];
  if (parsed.success && !errors.methods) return { settings: parsed.data, errors: null };
  return { settings: null, errors };
}
