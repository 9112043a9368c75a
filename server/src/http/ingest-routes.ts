import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import type { IngestService } from '../ingest/ingest-service.js';
import type { ShowStore } from '../shows/show-store.js';
import { apiError, type DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';

/** OBS ingest: the show's stream key and what the ingest receives (docs/obs-mode.md). Studio-only. */
export function addIngestRoutes(api: DeclaredApi, deps: { store: ShowStore; ingest: IngestService }): void {
  const { store, ingest } = deps;
  api
    .serve(RELAY_ROUTES.createIngestKey, ({ params }) => {
      const show = findShow(store, params.showId);
      if (show.status === 'ended') throw apiError('conflict', 'this show has ended; a stream key is issued only for a show that has not ended');
      return ingest.issue(show.id);
    })
    .serve(RELAY_ROUTES.revokeIngestKey, ({ params }) => {
      ingest.revoke(findShow(store, params.showId).id);
      return null;
    })
    .serve(RELAY_ROUTES.ingestStatus, ({ params }) => ingest.get(findShow(store, params.showId).id));
}
