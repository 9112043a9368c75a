import type { Dashboard, Report } from '../../../common/analytics.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { computeDashboard, type DashboardSources } from './dashboard.js';
import { DashboardPusher } from './dashboard-pusher.js';
import { buildReport } from './report.js';
import type { SalesReader } from './sales.js';
import { ViewerSampler } from './viewer-sampler.js';

export interface AnalyticsDeps {
  db: Db;
  shows: ShowStore;
  live: LiveShows;
  /** The catalog a show sells from (a rehearsal may sell from a copy of the real show's). */
  catalogOf: (show: Show) => ShowCatalog | null;
  /** Orders and coupon numbers, from the checkout's stores (see salesOf). */
  sales: SalesReader;
  /** The funnel's counts per product and step (FunnelRecorder.counts). */
  funnel: DashboardSources['funnel'];
  log: Logger;
}

/** The seller's numbers: viewer samples while live, the live dashboard (pushed) and the report. */
export class Analytics {
  readonly sampler: ViewerSampler;
  readonly pusher: DashboardPusher;
  private readonly sales: SalesReader;

  constructor(private readonly deps: AnalyticsDeps) {
    this.sales = deps.sales;
    this.sampler = new ViewerSampler(deps.db, deps.shows, deps.live, deps.log.child({ component: 'samples' }));
    this.pusher = new DashboardPusher(deps.shows, (show) => this.dashboard(show), deps.log.child({ component: 'dashboard' }));
  }

  dashboard(show: Show): Dashboard {
    const { db, catalogOf, live, funnel } = this.deps;
    return computeDashboard({ db, sales: this.sales, funnel }, show.id, catalogOf(show), live.viewerCount(show.id), Date.now());
  }

  report(show: Show): Report {
    const { db, catalogOf, live, funnel } = this.deps;
    return buildReport({ db, sales: this.sales, funnel }, show, catalogOf(show), live.viewerCount(show.id), Date.now());
  }

  stop(): void {
    this.sampler.stop();
    this.pusher.stop();
  }
}
