/** The flash sale's catalog and orders, shared by its plain and bots modes. */
import { checkoutBody, sampleBuyer, sampleCatalog } from '../helpers/commerce-api.js';

export const STOCK = 100;

export function flashCatalog(perBuyerCap: number | null) {
  const catalog = sampleCatalog({ payment: { bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' }, cashOnDelivery: true, card: true, shippingFee: 0, freeShippingFrom: null } });
  catalog.products = [{ id: 'flash', name: '한정 수량 패딩', imageUrls: [], currency: 'KRW', price: 199000, salePrice: 99000, stock: STOCK, options: [], externalUrl: null, perBuyerCap }];
  catalog.coupons = [];
  return catalog;
}

/** Buyer i's order: its own phone and address (real buyers are different people). */
export const flashOrder = (viewerId: string, i: number, over: Record<string, unknown> = {}) =>
  checkoutBody(viewerId, {
    line: { productId: 'flash', optionId: null, quantity: 1 },
    expectedTotal: 99000,
    payment: 'bank_transfer',
    buyer: sampleBuyer({ phone: `010-${String(2000 + Math.floor(i / 10000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`, address: { postcode: '06236', line1: `서울 강남구 테헤란로 ${i + 1}`, line2: '' } }),
    ...over,
  });


/** Carts mode: a few products with small stock, so that carts of 1–3 lines from 2,000 buyers overlap and compete. */
export const CART_PRODUCTS = [
  { id: 'padding', stock: 20, price: 99000 },
  { id: 'knit', stock: 30, price: 39000 },
  { id: 'scarf', stock: 40, price: 19000 },
  { id: 'gloves', stock: 50, price: 12000 },
  { id: 'socks', stock: 60, price: 5000 },
] as const;
export const MAX_CART_LINES = 3;

export function cartCatalog() {
  const catalog = flashCatalog(null);
  catalog.products = CART_PRODUCTS.map((p) => ({ id: p.id, name: `한정 ${p.id}`, imageUrls: [], currency: 'KRW', price: p.price, salePrice: null, stock: p.stock, options: [], externalUrl: null, perBuyerCap: null }));
  return catalog;
}

interface CartLineRequest {
  productId: string;
  optionId: null;
  quantity: number;
}

/**
 * Buyer i's cart: 1, 2 or 3 lines (i mod 3 + 1) of distinct products, starting at a product that
 * walks the catalog (i·2 + ⌊i/3⌋ mod 5), so neighbouring buyers share products; every fourth buyer
 * takes 2 of the first line's product (a cart can fail on quantity, not only on a sold-out product).
 */
function cartLines(i: number): CartLineRequest[] {
  const n = (i % MAX_CART_LINES) + 1;
  const start = (i * 2 + Math.floor(i / 3)) % CART_PRODUCTS.length;
  return Array.from({ length: n }, (_, k) => ({ productId: CART_PRODUCTS[(start + k) % CART_PRODUCTS.length]!.id, optionId: null, quantity: k === 0 && i % 4 === 0 ? 2 : 1 }));
}

/** Buyer i's cart checkout body (shipping is free in this catalog, so the total is the lines' sum). */
export function cartOrder(viewerId: string, i: number, key: string) {
  const lines = cartLines(i);
  const expectedTotal = lines.reduce((n, l) => n + CART_PRODUCTS.find((p) => p.id === l.productId)!.price * l.quantity, 0);
  const { line: _line, ...single } = flashOrder(viewerId, i);
  return { ...single, lines, idempotencyKey: key, expectedTotal };
}
