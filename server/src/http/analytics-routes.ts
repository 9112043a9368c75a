import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import type { Analytics } from '../analytics/analytics.js';
import { reportCsv } from '../analytics/report-csv.js';
import type { Engagement } from '../engagement/engagement.js';
import type { ShowStore } from '../shows/show-store.js';
import { apiError, withHeaders, type DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';

/** Studio-only: run-down segments, the live dashboard, the post-show report (JSON and CSV). */
export function addAnalyticsRoutes(api: DeclaredApi, deps: { store: ShowStore; analytics: Analytics; engagement: Engagement }): void {
  const { store, analytics, engagement } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  api
    .serve(RELAY_ROUTES.enterSegment, ({ params, body }) => {
      const show = showOr404(params.id);
      if (show.status === 'ended') throw apiError('show_not_live', 'the show has ended');
      engagement.segments.start(show.id, body.segmentId, body.title);
      return {};
    })
    .serve(RELAY_ROUTES.dashboard, ({ params }) => analytics.dashboard(showOr404(params.id)))
    .serve(RELAY_ROUTES.report, ({ params }) => analytics.report(showOr404(params.id)))
    .serve(RELAY_ROUTES.reportCsv, ({ params }) => {
      const show = showOr404(params.id);
      return withHeaders(reportCsv(analytics.report(show)), { 'content-disposition': `attachment; filename="report-${show.id}.csv"` });
    });
}
