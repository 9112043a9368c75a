import { describe, expect, it } from 'vitest';
import type { ReplayChapter, ReplayCue } from '../../../common/replay/replay-view.js';
import type { ProductCard } from '../../../common/stage.js';
import { productFromLink } from './replay-product-link.js';

const card = (productId: string, name: string): ProductCard => ({ productId, name, imageUrls: [], currency: 'KRW', price: 39000, salePrice: null, stock: 5, externalUrl: null, options: [] });
const coat = card('coat', '캐시미어 코트');
const knit = card('knit', '니트');
const spans = [{ startSec: 0, durationSec: 600, wallStartMs: 1_000_000 }];
const cues: ReplayCue[] = [
  { atSec: 30, firedAtMs: 1_030_000, op: { op: 'pin', cards: [knit] } },
  { atSec: 200, firedAtMs: 1_200_000, op: { op: 'pin', cards: [coat] } },
] as ReplayCue[];
const chapters: ReplayChapter[] = [
  { kind: 'segment', title: '겨울 아우터', atSec: 180, endSec: 400, productId: 'coat' },
  { kind: 'product', title: '니트', atSec: 30, endSec: 180, productId: 'knit' },
  { kind: 'product', title: '캐시미어 코트', atSec: 200, endSec: 400, productId: 'coat' },
];
const replay = { spans, cues, chapters };

describe('a clip’s Buy link in the replay (?product=)', () => {
  it('finds the product’s own chapter and the card as it was shown then', () => {
    const found = productFromLink('?product=coat', replay);
    expect(found?.chapter).toMatchObject({ kind: 'product', atSec: 200 });
    expect(found?.card).toMatchObject({ productId: 'coat', name: '캐시미어 코트' });
  });

  it('ignores a missing, malformed or unknown product, and one never shown in this replay', () => {
    for (const search of ['', '?product=', '?product=%3Cscript%3E', `?product=${'x'.repeat(41)}`, '?product=hat', '?other=coat']) expect(productFromLink(search, replay)).toBeNull();
    // A chapter that names a product whose card never went up opens nothing.
    expect(productFromLink('?product=scarf', { ...replay, chapters: [...chapters, { kind: 'segment', title: '목도리', atSec: 500, endSec: 600, productId: 'scarf' }] })).toBeNull();
  });
});
