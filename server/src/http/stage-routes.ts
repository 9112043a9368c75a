import { FireCueRequest } from '../../../common/protocol/studio-api.js';
import type { StudioKeys } from '../auth/studio-keys.js';
import { StageError } from '../live/stage-store.js';
import type { StageService } from '../live/stage-service.js';
import type { ShowStore } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import { HttpError, readJson, sendJson, type Router } from './http-util.js';
import { findShow, requireStudio, toHttpError } from './studio-routes.js';

/** Cues, the stage and rehearsals: studio-only. */
export function addStageRoutes(router: Router, deps: { keys: StudioKeys; stage: StageService; store: ShowStore; links: WatchLinks }): void {
  const { keys, stage, store, links } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  router
    .add('GET', '/api/shows/:id/stage', (req, res, p) => {
      requireStudio(keys, req);
      sendJson(res, 200, stage.get(showOr404(p.id!).id));
    })
    .add('POST', '/api/shows/:id/cues', async (req, res, p) => {
      requireStudio(keys, req);
      const body = await readJson(req, FireCueRequest);
      try {
        sendJson(res, 200, stage.fire(showOr404(p.id!).id, body));
      } catch (e) {
        if (e instanceof StageError) throw new HttpError(409, e.code, e.message);
        throw toHttpError(e);
      }
    })
    .add('POST', '/api/shows/:id/rehearsal', async (req, res, p) => {
      requireStudio(keys, req);
      try {
        const show = store.createRehearsal(showOr404(p.id!).id);
        sendJson(res, 201, { show, link: await links.create(show.id) });
      } catch (e) {
        throw toHttpError(e);
      }
    });
}
