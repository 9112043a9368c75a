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

