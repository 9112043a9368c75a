import { EventEmitter } from 'node:events';
import type { ShowCatalog, StockLevel } from '../../../common/commerce/show-catalog.js';
import type { RelayToStudio } from '../../../common/protocol/studio-api.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { Show } from '../../../common/show.js';
import type { Stage } from '../../../common/stage.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { CartCheckoutService } from './cart-checkout.js';
import { CheckoutService } from './checkout.js';
import { CommitQueue } from './commit-queue.js';
import type { CommerceContext } from './context.js';
import { CouponClaims } from './coupon-claims.js';
import { CouponStore } from './coupon-store.js';
import { Identity, identitySecret, trustedProxiesFrom } from './identity.js';
import { OrderExpiry } from './order-expiry.js';
import { OrderActions } from './order-actions.js';
import { OrderNumbers } from './order-number.js';
import { OrderStore } from './order-store.js';
import { TestPaymentProvider, type PaymentProvider } from './payment-provider.js';
import { Pricer } from './pricer.js';
import { RateLimiter } from './rate-limiter.js';
import { ShowCatalogStore } from './show-catalog-store.js';
import { StockLedger } from './stock-ledger.js';
import { ViewerRegistry } from './viewer-registry.js';
import { LiveSelling } from './live-selling.js';
import { CommerceNotices } from './viewer-notices.js';
import { ReplaySales } from '../replay/replay-sales.js';
import { isRewardOnly } from './coupon-store.js';

export interface CommerceEvents {
  /** `order` and `stock` events for every studio window. */
  studio: [RelayToStudio];
}

export interface CommerceDeps {
  db: Db;
  shows: ShowStore;
  /** Sends one message to every viewer of a show (LiveShows.broadcast). */
  broadcast: (showId: string, m: RelayToViewer) => void;
  /** Sends one message to every socket of one device in a show (LiveShows.sendToViewer); default: nobody. */
  sendToViewer?: (showId: string, viewerId: string, m: RelayToViewer) => void;
  stageOf: (showId: string) => Stage;
  log: Logger;
  payments?: PaymentProvider;
  now?: () => number;
  /** Proxies whose X-Forwarded-For is believed; default: RELAY_TRUST_PROXY (comma-separated addresses). */
  trustedProxies?: ReadonlySet<string>;
  /** Whether the host lets the show's viewers see purchase notices (ViewerDisplayStore); default: yes. */
  purchasesShown?: (showId: string) => boolean;
  /** Requests are queued for their turn (RequestTurns): the group commit holds its batch a moment for them. */
  busy?: () => boolean;
}

/**
 * The relay's buying core, wired once: catalog and stock, viewers, checkout, coupon claims, the
 * seller's order actions, and the coalesced notices to viewers and studios. Other relay code (the
 * dashboard and report) reads through `orders` and `coupons` (OrderStore, CouponStore).
 */
export class Commerce extends EventEmitter<CommerceEvents> {
  readonly catalogs: ShowCatalogStore;
  readonly viewers: ViewerRegistry;
  readonly orders: OrderStore;
  readonly coupons: CouponStore;
  readonly stock: StockLedger;
  readonly commits: CommitQueue;
  readonly payments: PaymentProvider;
  readonly checkout: CheckoutService;
  readonly carts: CartCheckoutService;
  readonly claims: CouponClaims;
  readonly actions: OrderActions;
  readonly expiry: OrderExpiry;
  /** Live restock, 라이브 특가 and back-in-stock requests (docs/live-selling.md). */
  readonly live: LiveSelling;
  readonly limiter = new RateLimiter(10, 20);
  /** Whether a show sells as live or from its replay, and whether live-only offers hold there. */
  readonly sales: ReplaySales;
  private readonly notices: CommerceNotices;
  private readonly ctx: CommerceContext;
  private warnedTestCards = false;

  constructor(private readonly deps: CommerceDeps) {
    super();
    const { db } = deps;
    this.catalogs = new ShowCatalogStore(db);
    const { secret, since } = identitySecret(db);
    const identity = new Identity(secret);
    this.viewers = new ViewerRegistry(db, identity, since, deps.trustedProxies ?? trustedProxiesFrom(process.env.RELAY_TRUST_PROXY), deps.now);
    rehashPhones(db, identity, deps.log);
    this.orders = new OrderStore(db);
    this.coupons = new CouponStore(db);
    this.stock = new StockLedger(db);
    this.commits = new CommitQueue(db, deps.busy);
    this.payments = deps.payments ?? new TestPaymentProvider();
    const statusOf = db.prepare('SELECT status FROM shows WHERE id = ?');
    const clipOf = db.prepare<[string, string], string>('SELECT id FROM clips WHERE token = ? AND show_id = ?').pluck();
    this.sales = new ReplaySales(db);
    const sales = this.sales;
    this.notices = new CommerceNotices(deps.broadcast, (m) => this.emit('studio', m), deps.purchasesShown);
    this.ctx = {
      catalogs: this.catalogs,
      stock: this.stock,
      orders: this.orders,
      coupons: this.coupons,
      numbers: new OrderNumbers(db),
      pricer: new Pricer(
        this.stock,
        this.coupons,
        (showId, couponId, now) => this.codeOpen(showId, couponId, now),
        // A 라이브 특가 is live-only: in the replay it holds only when the seller said so.
        (showId, productId, now) => (sales.liveOffersHold(showId) ? this.live.specialPrice(showId, productId, now) : null),
        (showId, couponId) => this.couponHolds(showId, couponId),
      ),
      commits: this.commits,
      payments: this.payments,
      viewers: this.viewers,
      notices: this.notices,
      toStudio: (m) => this.emit('studio', m),
      catalogOf: (show) => this.catalogOf(show),
      statusOf: (showId) => (statusOf.get(showId) as { status: string } | undefined)?.status ?? null,
      isLive: (showId) => (statusOf.get(showId) as { status: string } | undefined)?.status === 'live',
      saleSourceOf: (showId) => sales.source(showId),
      clipOf: (showId, clipToken) => clipOf.get(clipToken, showId) ?? null,
      log: deps.log,
      now: deps.now ?? Date.now,
    };
    this.checkout = new CheckoutService(this.ctx);
    this.carts = new CartCheckoutService(this.ctx);
    this.claims = new CouponClaims(this.ctx, deps.stageOf);
    this.actions = new OrderActions(this.ctx, deps.shows);
    this.expiry = new OrderExpiry(this.ctx, deps.shows);
    this.live = new LiveSelling(db, this.ctx, deps.broadcast, deps.sendToViewer ?? (() => undefined));
    const dropped = db.prepare("SELECT 1 FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') = 'dropCoupon' AND json_extract(op, '$.coupon.couponId') = ? LIMIT 1");
    this.wasDropped = (showId, couponId) => dropped.get(showId, couponId) !== undefined;
  }

  private readonly wasDropped: (showId: string, couponId: string) => boolean;

  /**
   * A coupon the host dropped in this show is claimed by code only while that drop runs; other codes
   * always. In a replay whose seller lets live offers hold, a dropped code stays open (quota and caps still count).
   */
  private codeOpen(showId: string, couponId: string, now: number): boolean {
    if (!this.wasDropped(showId, couponId)) return true;
    if (this.sales.source(showId) === 'replay') return this.sales.liveOffersInReplay(showId);
    // The stage as stored now (not the claims' 250 ms cache): a typed code of a dropped coupon is rare.
    const drop = this.deps.stageOf(showId).coupon;
    return drop !== null && drop.couponId === couponId && drop.endsAt > now;
  }

  /** Live-only coupons (dropped in the show, or a quiz's reward) do not hold in a replay unless the seller said so. */
  private couponHolds(showId: string, couponId: string): boolean {
    if (this.sales.liveOffersHold(showId)) return true;
    const catalog = this.catalogs.get(showId);
    return !this.wasDropped(showId, couponId) && !(catalog && isRewardOnly(catalog, couponId));
  }

  get context(): CommerceContext {
    return this.ctx;
  }

  /** The studio's hand-off: definitions replaced, stock the relay holds kept; viewers get the levels. */
  putCatalog(showId: string, catalog: ShowCatalog): StockLevel[] {
    const levels = this.catalogs.put(showId, catalog);
    if (catalog.payment.card && this.payments instanceof TestPaymentProvider && !this.warnedTestCards) {
      this.warnedTestCards = true;
      this.deps.log.warn('card payments are on, but only the TEST payment adapter is configured: no money moves (docs/payments.md)');
    }
    const totals = catalog.products.filter((p) => p.options.length).map((p) => ({ productId: p.id, optionId: null, stock: this.stock.productTotal(showId, p.id) }));
    this.notices.stock(showId, levels, totals, false);
    return levels;
  }

  /**
   * The stage as a viewer who joins now should see it: pinned cards carry the stock the studio knew
   * when the host pinned them and a drop its full quota, but the relay has sold and handed out
   * since. Late joiners get the relay's numbers at once (those already watching follow the
   * `stock` and `couponQuota` broadcasts). The stage version is unchanged: only numbers differ.
   * Every stage the relay sends goes through here, re-fired cues included (a re-fired drop shows
   * what is left, not its full quota), and pinned cards carry a running 라이브 특가.
   */
  overlayStage(showId: string, stage: Stage): Stage {
    const catalog = this.catalogs.get(showId);
    if (!catalog || (stage.pinned.length === 0 && !stage.coupon)) return stage;
    const pinned = stage.pinned.map((card) => {
      if (!catalog.products.some((p) => p.id === card.productId)) return card;
      const options = card.options.map((o) => ({ ...o, stock: this.stock.level(showId, card.productId, o.id) ?? o.stock }));
      const special = this.live.specialPrice(showId, card.productId, this.ctx.now());
      return { ...card, stock: this.stock.productTotal(showId, card.productId), options, liveSpecial: special };
    });
    const dropped = stage.coupon && catalog.coupons.find((k) => k.id === stage.coupon!.couponId);
    const coupon = stage.coupon && dropped ? { ...stage.coupon, quotaLeft: Math.max(0, Math.min(stage.coupon.quotaTotal, dropped.totalQuota) - this.coupons.claimCount(showId, dropped.id)) } : stage.coupon;
    return { ...stage, pinned, coupon };
  }

  /** A rehearsal sells from its own rows; without a hand-off of its own it starts from a copy of the real show's. */
  catalogOf(show: Show): ShowCatalog | null {
    const own = this.catalogs.get(show.id);
    if (own || !show.rehearsalOf) return own;
    const real = this.catalogs.get(show.rehearsalOf);
    if (!real) return null;
    this.catalogs.put(show.id, real);
    return real;
  }

  stop(): void {
    // How well group commit batched (orders and claims per fsync): read by the flash-sale benchmark.
    this.deps.log.info('commerce commits', { ...this.commits.stats });
    this.notices.stop();
    this.limiter.stop();
    this.viewers.stop();
    this.expiry.stop();
  }
}

/**
 * Phone hashes from before they were keyed (unkeyed SHA-256) are re-hashed with the relay's key
 * from the buyer details still stored; an erased order has neither. Runs once: keyed ones start 'k1:'.
 */
function rehashPhones(db: Db, identity: Identity, log: Logger): void {
  const rows = db.prepare("SELECT id, buyer FROM orders WHERE phone_hash IS NOT NULL AND phone_hash NOT LIKE 'k1:%'").all() as { id: string; buyer: string | null }[];
  if (rows.length === 0) return;
  const update = db.prepare('UPDATE orders SET phone_hash = ?, address_hash = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) {
      const buyer = r.buyer === null ? null : (JSON.parse(r.buyer) as { phone?: unknown; address?: { postcode: string; line1: string; line2: string } });
      const phone = typeof buyer?.phone === 'string' ? identity.phoneHash(buyer.phone) : null;
      update.run(phone, buyer?.address ? identity.addressHash(buyer.address) : null, r.id);
    }
  })();
  log.info('phone hashes re-keyed', { orders: rows.length });
}
