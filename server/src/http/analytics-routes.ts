import { SegmentRequest } from '../../../common/protocol/studio-api.js';
import type { Analytics } from '../analytics/analytics.js';
import { reportCsv } from '../analytics/report-csv.js';
import type { StudioKeys } from '../auth/studio-keys.js';
import type { Engagement } from '../engagement/engagement.js';
import type { ShowStore } from '../shows/show-store.js';
import { HttpError, readJson, sendJson, type Router } from './http-util.js';
import { findShow, requireStudio } from './studio-routes.js';

/** Studio-only: run-down segments, the live dashboard, the post-show report (JSON and CSV). */
export function addAnalyticsRoutes(router: Router, deps: { keys: StudioKeys; store: ShowStore; analytics: Analytics; engagement: Engagement }): void {
  const { keys, store, analytics, engagement } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  router
    .add('POST', '/api/shows/:id/segment', async (req, res, p) => {
      requireStudio(keys, req);
      const show = showOr404(p.id!);
      const body = await readJson(req, SegmentRequest);
      if (show.status === 'ended') throw new HttpError(409, 'show_not_live', 'the show has ended');
      engagement.segments.start(show.id, body.segmentId, body.title);
      sendJson(res, 200, {});
    })
    .add('GET', '/api/shows/:id/dashboard', (req, res, p) => {
      requireStudio(keys, req);
      sendJson(res, 200, analytics.dashboard(showOr404(p.id!)));
    })
    .add('GET', '/api/shows/:id/report', (req, res, p) => {
      requireStudio(keys, req);
      sendJson(res, 200, analytics.report(showOr404(p.id!)));
    })
    .add('GET', '/api/shows/:id/report.csv', (req, res, p) => {
      requireStudio(keys, req);
      const show = showOr404(p.id!);
      const body = reportCsv(analytics.report(show));
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="report-${show.id}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    });
}
