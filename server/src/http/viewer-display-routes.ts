import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import type { LiveShows } from '../live/live-shows.js';
import type { ShowStore } from '../shows/show-store.js';
import type { ViewerDisplayStore } from '../shows/viewer-display-store.js';
import type { DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';

/**
 * The host's choice of what viewers see over the video (studio key; docs/phone-layout.md). A change
 * is stored, then sent at once to the show's viewers as a `show` message (same media epoch).
 */
export function addViewerDisplayRoutes(api: DeclaredApi, deps: { store: ShowStore; displays: ViewerDisplayStore; live: LiveShows }): void {
  const { store, displays, live } = deps;
  api
    .serve(R.viewerDisplay, ({ params }) => displays.get(findShow(store, params.id).id))
    .serve(R.saveViewerDisplay, ({ params, body }) => {
      const show = findShow(store, params.id);
      const saved = displays.save(show.id, body);
      // The show's viewers, and those of a rehearsal of it on air (it may follow this setting).
      for (const id of live.liveShowIds()) if (id === show.id || store.get(id)?.rehearsalOf === show.id) live.broadcastMedia(id);
      return saved;
    });
}
