import { ProductInput, type Product } from '../../../../common/commerce/catalog.js';
import { DEFAULT_CURRENCY, MINOR_DIGITS, parseMajorAmount, type Currency } from '../../../../common/commerce/money.js';
import type { Strings } from '../../i18n/strings.js';
import { fieldErrors, intOf, type FieldErrors } from '../../catalog/validation.js';

/** The product form as typed: amounts and counts stay text until saved. */
export interface ProductDraft {
  name: string;
  description: string;
  currency: Currency;
  price: string;
  salePrice: string;
  stock: string;
  options: { id: string; name: string; stock: string }[];
  externalUrl: string;
  images: string[];
}

export const emptyProduct = (): ProductDraft => ({ name: '', description: '', currency: DEFAULT_CURRENCY, price: '', salePrice: '', stock: '', options: [], externalUrl: '', images: [] });

/** Minor units → what the seller types ("29000", "12.50"). */
export function majorText(minor: number, currency: Currency): string {
  const d = MINOR_DIGITS[currency];
  return d ? (minor / 10 ** d).toFixed(d) : String(minor);
}

export function draftOf(p: Product): ProductDraft {
  return {
    name: p.name,
    description: p.description,
    currency: p.currency,
    price: majorText(p.price, p.currency),
    salePrice: p.salePrice === null ? '' : majorText(p.salePrice, p.currency),
    stock: String(p.stock),
    options: p.options.map((o) => ({ id: o.id, name: o.name, stock: String(o.stock) })),
    externalUrl: p.externalUrl ?? '',
    images: [...p.images],
  };
}

/** "-5,000" → -5000 so the schema can say "cannot be negative"; unreadable → NaN. */
function amountOf(text: string, currency: Currency): number {
  const neg = text.trim().startsWith('-');
  const v = parseMajorAmount(neg ? text.trim().slice(1) : text, currency);
  return v === null ? NaN : neg ? -v : v;
}

export const optionTotal = (d: ProductDraft) => d.options.reduce((n, o) => n + (Number.isFinite(intOf(o.stock)) ? intOf(o.stock) : 0), 0);

/** Checks the draft with the core's own schema; returns the input to save or the messages by field. */
export function checkProduct(d: ProductDraft, t: Strings): { input: ProductInput; errors: null } | { input: null; errors: FieldErrors } {
  const input: ProductInput = {
    name: d.name,
    description: d.description,
    images: d.images,
    currency: d.currency,
    price: amountOf(d.price, d.currency),
    salePrice: d.salePrice.trim() ? amountOf(d.salePrice, d.currency) : null,
    stock: d.options.length ? optionTotal(d) : intOf(d.stock),
    options: d.options.map((o) => ({ id: o.id, name: o.name, stock: intOf(o.stock) })),
    externalUrl: d.externalUrl.trim() || null,
  };
  const parsed = ProductInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, t);
  // Say what to type, not "expected number", when an amount cannot be read at all.
  const p = t.catalog.product;
  if (!d.price.trim()) errors.price = [t.catalog.validation.required];
  else if (Number.isNaN(input.price)) errors.price = [p.badAmount];
  if (input.salePrice !== null && Number.isNaN(input.salePrice)) errors.salePrice = [p.badAmount];
  if (!d.options.length && Number.isNaN(input.stock)) errors.stock = [d.stock.trim() ? p.badNumber : t.catalog.validation.required];
  d.options.forEach((o, i) => {
    if (Number.isNaN(intOf(o.stock))) errors[`options.${i}.stock`] = [p.badNumber];
  });
  return Object.keys(errors).length ? { input: null, errors } : { input, errors: null };
}
