import { describe, expect, it } from 'vitest';
import type { Product } from '../../common/commerce/catalog.js';
import { resolveCue, type CueCatalog } from './cue-resolver.js';

const shirt: Product = {
  id: 'shirt',
  updatedAt: '2026-11-22T00:00:00Z',
  name: '린넨 셔츠',
  description: '',
  images: [],
  currency: 'KRW',
  price: 39000,
  salePrice: 29000,
  stock: 7,
  options: [
    { id: 'm', name: 'M / 베이지', stock: 4 },
    { id: 'l', name: 'L / 베이지', stock: 3 },
  ],
  externalUrl: null,
};

const catalog: CueCatalog = {
  products: { get: (id) => (id === shirt.id ? shirt : null), deletedName: () => null },
  coupons: { get: () => null, deletedCode: () => null },
  quizzes: { get: () => null, deletedQuestion: () => null },
  polls: { get: () => null, deletedQuestion: () => null },
};

describe('resolveCue', () => {
  it('puts each option with its own stock on the card, so viewers can choose a size', async () => {
    const op = await resolveCue({ kind: 'showProducts', productIds: ['shirt'] }, catalog, async (ref) => ref);
    expect(op).toMatchObject({ op: 'pin', cards: [{ productId: 'shirt', stock: 7, options: [{ id: 'm', name: 'M / 베이지', stock: 4 }, { id: 'l', name: 'L / 베이지', stock: 3 }] }] });
  });

  it('names a deleted product instead of pinning nothing', async () => {
    await expect(resolveCue({ kind: 'showProducts', productIds: ['gone'] }, catalog, async (ref) => ref)).rejects.toThrow(/no longer in the catalog/);
  });
});
