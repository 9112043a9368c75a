import { describe, expect, it } from 'vitest';
import { useTempCatalog } from '../testing/temp-catalog.js';

const t = useTempCatalog();

describe('writing the relay’s stock back into products', () => {
  it('sets options, keeps product stock the sum of its options, skips what the studio no longer has', () => {
    const knit = t.catalog.products.save(undefined, { name: '니트', price: 39000, stock: 6, options: [{ id: 'S', name: 'S', stock: 2 }, { id: 'M', name: 'M', stock: 4 }] });
    const socks = t.catalog.products.save(undefined, { name: '양말', price: 3000, stock: 10 });
    const changed = t.catalog.products.applyStock([
      { productId: knit.id, optionId: 'S', stock: 0 },
      { productId: knit.id, optionId: 'XL', stock: 9 },
      { productId: socks.id, optionId: null, stock: 10 },
      { productId: 'gone', optionId: null, stock: 3 },
      // A product-level figure for a product with options is the options' business, not this one's.
      { productId: knit.id, optionId: null, stock: 99 },
    ]);
    expect(changed).toEqual([knit.id]);
    expect(t.catalog.products.get(knit.id)).toMatchObject({ stock: 4, options: [{ id: 'S', stock: 0 }, { id: 'M', stock: 4 }], updatedAt: knit.updatedAt });
    expect(t.catalog.products.get(socks.id)).toMatchObject({ stock: 10 });
  });

  it('writes all or nothing', () => {
    const socks = t.catalog.products.save(undefined, { name: '양말', price: 3000, stock: 10 });
    const hat = t.catalog.products.save(undefined, { name: '모자', price: 9000, stock: 5 });
    expect(() =>
      t.catalog.products.applyStock([
        { productId: socks.id, optionId: null, stock: 1 },
        { productId: hat.id, optionId: null, stock: -1 },
      ]),
    ).toThrow(/not a stock level/);
    expect(t.catalog.products.get(socks.id)).toMatchObject({ stock: 10 });
  });
});
