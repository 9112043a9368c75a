import { createHash } from 'node:crypto';
import type { Coupon, Poll, Product, Quiz } from '../../common/commerce/catalog.js';
import { ShowCatalog, type PaymentSettings, type StockLevel } from '../../common/commerce/show-catalog.js';
import { describeZodError } from '../../common/errors.js';
import { StudioError } from '../../common/ipc-contract.js';
import type { AssetUploader, RelayAssets } from '../live/relay-assets.js';

/** The relay calls a hand-off needs (RelayClient implements them). */
export interface HandoffRelay extends AssetUploader {
  putCatalog(showId: string, catalog: ShowCatalog): Promise<{ stock: StockLevel[] }>;
}

/** Where the hand-off reads the seller's catalog and payment settings. */
export interface HandoffSources {
  products: { list(): Product[] };
  coupons: { list(): Coupon[] };
  quizzes: { list(): Quiz[] };
  polls: { list(): Poll[] };
  payment: { get(): PaymentSettings };
}

interface Snapshot {
  products: Product[];
  coupons: Coupon[];
  quizzes: Quiz[];
  polls: Poll[];
  payment: PaymentSettings;
}

/**
 * The ShowCatalog for a snapshot. `imageUrl` maps an image ref to where viewers load it;
 * `withStock: false` zeroes every stock figure (for the change hash: stock belongs to the relay
 * during a show, so the studio's copy changing is no reason to hand off again).
 */
export function assembleCatalog(s: Snapshot, imageUrl: (ref: string) => string, withStock = true): ShowCatalog {
  const stock = (n: number) => (withStock ? n : 0);
  return {
    products: s.products.map((p) => ({
      id: p.id,
      name: p.name,
      imageUrls: p.images.map(imageUrl),
      currency: p.currency,
      price: p.price,
      salePrice: p.salePrice,
      stock: stock(p.stock),
      options: p.options.map((o) => ({ id: o.id, name: o.name, stock: stock(o.stock) })),
      externalUrl: p.externalUrl,
    })),
    coupons: s.coupons.map((c) => ({
      id: c.id,
      code: c.code,
      kind: c.kind,
      amount: c.amount,
      currency: c.currency,
      minOrder: c.minOrder,
      totalQuota: c.totalQuota,
      perViewerCap: c.perViewerCap,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      // Only when limited: a coupon for every product hashes as it did before coupons could be limited.
      ...(c.productIds ? { productIds: c.productIds } : {}),
    })),
    quizzes: s.quizzes.map((q) => ({ id: q.id, question: q.question, choices: q.choices, correctIndex: q.correctIndex, winners: q.winners, winnerRule: q.winnerRule, rewardCouponId: q.rewardCouponId })),
    polls: s.polls.map((p) => ({ id: p.id, question: p.question, choices: p.choices })),
    payment: s.payment,
  };
}

/**
 * Hands a show's catalog (products with image URLs, coupons, quizzes, polls, payment settings) to
 * the relay, and remembers, per relay and show, a hash of what it sent, so a cue only re-sends
 * when something changed. The relay answers with the stock it holds, which `onStock` writes back.
 * Hand-offs to the same show never run twice at once: a second caller waits for the first.
 */
export class CatalogHandoff {
  private readonly sent = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sources: HandoffSources,
    private readonly assets: RelayAssets,
    private readonly relay: () => HandoffRelay,
    private readonly onStock: (showId: string, levels: StockLevel[]) => Promise<void> | void,
  ) {}

  private snapshot(): Snapshot {
    const s = this.sources;
    return { products: s.products.list(), coupons: s.coupons.list(), quizzes: s.quizzes.list(), polls: s.polls.list(), payment: s.payment.get() };
  }

  /** The hash of what a hand-off would send now, stock aside, with images named by content. */
  hash(snapshot = this.snapshot()): string {
    return createHash('sha256')
      .update(JSON.stringify(assembleCatalog(snapshot, (ref) => ref, false)))
      .digest('hex');
  }

  /** Hands the catalog off now, whatever was sent before (after any hand-off to the show in flight). Returns the relay's stock. */
  handOff(showId: string): Promise<StockLevel[]> {
    const key = this.key(showId);
    const before = this.inflight.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.send(showId, key));
    this.inflight.set(key, run);
    const done = () => {
      if (this.inflight.get(key) === run) this.inflight.delete(key);
    };
    run.then(done, done);
    return run;
  }

  /** Hands off only if the catalog or payment settings changed since the last hand-off to this show. True when it sent. */
  async ensure(showId: string): Promise<boolean> {
    const key = this.key(showId);
    const pending = this.inflight.get(key);
    if (pending) {
      await pending.catch(() => undefined);
      return this.ensure(showId);
    }
    if (this.sent.get(key) === this.hash()) return false;
    await this.handOff(showId);
    return true;
  }

  /** Shows (on the current relay) this studio handed a catalog to. */
  handedOff(): string[] {
    const prefix = `${this.relay().baseUrl}\n`;
    return [...this.sent.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** Forgets what was sent (the relay may have been replaced): the next cue hands off again. */
  forget(): void {
    this.sent.clear();
  }

  private key(showId: string): string {
    return `${this.relay().baseUrl}\n${showId}`;
  }

  private async send(showId: string, key: string): Promise<StockLevel[]> {
    const relay = this.relay();
    const snapshot = this.snapshot();
    const hash = this.hash(snapshot);
    const urls = new Map<string, string>();
    for (const ref of new Set(snapshot.products.flatMap((p) => p.images))) urls.set(ref, await this.assets.urlFor(relay, ref));
    const parsed = ShowCatalog.safeParse(assembleCatalog(snapshot, (ref) => urls.get(ref)!));
    if (!parsed.success) throw StudioError.refuse({ reason: 'handoffCatalogInvalid', args: { detail: describeZodError(parsed.error).slice(0, 1000) } });
    let answer: { stock: StockLevel[] };
    try {
      answer = await relay.putCatalog(showId, parsed.data);
    } catch (e) {
      if (e instanceof StudioError) throw StudioError.refuse({ reason: 'handoffRefusedByRelay', args: { relayCode: e.code.slice(0, 64), relayMessage: e.message.slice(0, 1000) } });
      throw e;
    }
    this.sent.set(key, hash);
    await this.onStock(showId, answer.stock);
    return answer.stock;
  }
}
