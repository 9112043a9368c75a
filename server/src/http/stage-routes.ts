import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { StageError } from '../live/stage-store.js';
import type { StageService } from '../live/stage-service.js';
import type { ShowStore } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import { apiError, type DeclaredApi } from './declared.js';
import { findShow, toHttpError } from './studio-routes.js';

const stageError = (e: unknown) => (e instanceof StageError ? apiError(e.code, e.message) : toHttpError(e));

/** Cues, the stage and rehearsals: studio-only. */
export function addStageRoutes(api: DeclaredApi, deps: { stage: StageService; store: ShowStore; links: WatchLinks }): void {
  const { stage, store, links } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  api
    .serve(RELAY_ROUTES.getStage, ({ params }) => stage.view(showOr404(params.id).id))
    .serve(RELAY_ROUTES.fireCue, ({ params, body }) => stage.fire(showOr404(params.id).id, body), stageError)
    .serve(
      RELAY_ROUTES.rehearse,
      async ({ params }) => {
        const show = store.createRehearsal(showOr404(params.id).id);
        return { show, link: await links.create(show.id) };
      },
      toHttpError,
    );
}
