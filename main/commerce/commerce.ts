import type { Dashboard } from '../../common/analytics.js';
import type { StockLevel } from '../../common/commerce/show-catalog.js';
import type { IpcEvent, IpcEventPayload } from '../../common/ipc-contract.js';
import type { RelayToStudio } from '../../common/protocol/studio-api.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelayAssets } from '../live/relay-assets.js';
import type { RelayClient } from '../relay-client.js';
import type { StudioDb } from '../store/studio-db.js';
import { CatalogHandoff } from './catalog-handoff.js';
import { PaymentStore } from './payment-store.js';
import { ShowDirectory } from './show-directory.js';

type Emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

/** How long after a catalog or payment edit the live shows get the new catalog (edits come in bursts). */
const REFRESH_DELAY_MS = 400;

/**
 * The studio's side of commerce (issue 4): payment settings, the catalog hand-off with its change
 * hash, the relay's stock written back into the catalog, and the relay's order, stock and
 * dashboard events turned into IPC events. The relay owns stock during a show; the studio's
 * catalog follows it so it is right after the show. A rehearsal's stock never touches the catalog.
 */
export class Commerce {
  readonly payment: PaymentStore;
  readonly handoff: CatalogHandoff;
  readonly shows = new ShowDirectory();
  /** The latest dashboard per show, replayed to a window that (re)subscribes. */
  private readonly dashboards = new Map<string, Dashboard>();
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(
    db: StudioDb,
    private readonly catalog: Catalog,
    assets: RelayAssets,
    private readonly client: () => RelayClient,
    private readonly emit: Emit,
  ) {
    this.payment = new PaymentStore(db);
    const sources = { products: catalog.products, coupons: catalog.coupons, quizzes: catalog.quizzes, polls: catalog.polls, payment: this.payment };
    this.handoff = new CatalogHandoff(sources, assets, client, (showId, levels) => this.writeBack(showId, levels));
  }

  /** Applies the relay's stock for a show: into the catalog for a real show (never a rehearsal), then tells the windows. */
  async writeBack(showId: string, items: StockLevel[]): Promise<void> {
    const show = await this.shows.resolve(showId, () => this.client().listShows());
    if (show && show.rehearsalOf === null) this.catalog.products.applyStock(items);
    this.emit('relay.stock', { showId, items });
  }

  /** Order, stock and dashboard messages from the relay's studio event stream (others are the core's). */
  onMessage(m: RelayToStudio): void {
    switch (m.type) {
      case 'show':
        this.shows.remember(m.show);
        break;
      case 'order':
        this.emit('relay.order', { showId: m.showId, order: m.order });
        break;
      case 'stock':
        void this.writeBack(m.showId, m.items).catch(() => undefined);
        break;
      case 'dashboard':
        this.dashboards.set(m.showId, m.dashboard);
        this.emit('relay.dashboard', { showId: m.showId, dashboard: m.dashboard });
        break;
      default:
        break;
    }
  }

  /**
   * After (re)connecting to the relay: it may have been restarted or replaced, so the next cue
   * hands the catalog off again; and stock sold while the studio was away is fetched for every
   * live show and written back.
   */
  async reconcile(): Promise<void> {
    this.handoff.forget();
    const client = this.client();
    const shows = await client.listShows();
    this.shows.rememberAll(shows);
    for (const show of shows.filter((s) => s.status === 'live' && s.rehearsalOf === null)) {
      try {
        await this.writeBack(show.id, await client.getStock(show.id));
      } catch {
        // A show without a catalog on the relay (started before this version) has no stock to fetch.
      }
    }
  }

  /**
   * The seller edited the catalog or payment settings: shortly after, live shows this studio handed
   * a catalog to get the new one (a cue would do it too, but a changed bank account must not wait).
   */
  refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      for (const id of this.handoff.handedOff()) if (this.shows.get(id)?.status === 'live') void this.handoff.ensure(id).catch(() => undefined);
    }, REFRESH_DELAY_MS);
    this.refreshTimer.unref();
  }

  latestDashboards(): [string, Dashboard][] {
    return [...this.dashboards];
  }

  rememberDashboard(showId: string, d: Dashboard): Dashboard {
    this.dashboards.set(showId, d);
    return d;
  }

  close(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }
}
