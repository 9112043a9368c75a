import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '../../../common/errors.js';
import { bearerToken, type StudioKeys } from '../auth/studio-keys.js';
import { LiveError, type LiveShows } from '../live/live-shows.js';
import type { ShowStore } from '../shows/show-store.js';
import { ShowDeleteError, ShowTransitionError } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import type { Show } from '../../../common/show.js';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { apiError, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';

export interface StudioRouteDeps {
  keys: StudioKeys;
  store: ShowStore;
  links: WatchLinks;
  live: LiveShows;
}

export function requireStudio(keys: StudioKeys, req: IncomingMessage): void {
  const key = bearerToken(req.headers.authorization);
  if (!key) throw new HttpError(401, ERROR_CODES.unauthorized, 'This request needs the studio key (Authorization: Bearer <key>).');
  if (!keys.verify(key)) throw new HttpError(401, ERROR_CODES.unauthorized, 'The studio key is wrong or was replaced. Enter the key the relay printed when it first started.');
}

/** The show a studio route names, or a 404 that says which id. */
export function findShow(store: ShowStore, id: string): Show {
  const show = store.get(id);
  if (!show) throw new HttpError(404, ERROR_CODES.notFound, `no show with id ${id}`);
  return show;
}

/** Maps domain errors to HTTP with their declared status; anything else is a 500 the caller logs. */
export function toHttpError(e: unknown): unknown {
  if (e instanceof LiveError) return apiError(e.code, e.message);
  if (e instanceof ShowDeleteError) return apiError(e.code, e.message);
  if (e instanceof ShowTransitionError) return apiError(e.message.startsWith('no show') ? 'not_found' : 'conflict', e.message);
  return e;
}

/** Studio-only API (the declaration says so; DeclaredApi checks the studio key first). */
export function addStudioRoutes(api: DeclaredApi, deps: Omit<StudioRouteDeps, 'keys'>): void {
  const { store, links, live } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  const R = RELAY_ROUTES;
  api
    .serve(R.checkKey, () => ({ ok: true as const }))
    .serve(R.listShows, () => store.list())
    .serve(R.createShow, ({ body }) => store.create(body.title, body.scheduledAt ?? null))
    .serve(R.getShow, ({ params }) => showOr404(params.id))
    .serve(R.renameShow, ({ params, body }) => store.rename(showOr404(params.id).id, body.title))
    .serve(R.deleteShow, ({ params }) => (store.delete(showOr404(params.id).id), {}), toHttpError)
    .serve(R.startShow, ({ params }) => live.start(showOr404(params.id).id), toHttpError)
    .serve(R.endShow, ({ params }) => live.end(showOr404(params.id).id), toHttpError)
    .serve(R.listLinks, ({ params }) => links.list(showOr404(params.id).id))
    .serve(R.createLink, ({ params, body }) => links.create(showOr404(params.id).id, body.expiresInHours))
    .serve(R.revokeLink, async ({ params }) => {
      const link = await links.revoke(params.id);
      if (!link) throw apiError('not_found', `no watch link with id ${params.id}`);
      return link;
    });
}
