import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '../../../common/errors.js';
import { CreateLinkRequest, CreateShowRequest } from '../../../common/protocol/studio-api.js';
import { bearerToken, type StudioKeys } from '../auth/studio-keys.js';
import { LiveError, type LiveShows } from '../live/live-shows.js';
import type { ShowStore } from '../shows/show-store.js';
import { ShowTransitionError } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import type { Show } from '../../../common/show.js';
import { HttpError, readJson, sendJson, type Router, type RouteHandler } from './http-util.js';

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

/** Wraps a studio route: the studio key first, then domain errors mapped to HTTP by `toError`. */
export function studioRoute(keys: StudioKeys, toError: (e: unknown) => unknown) {
  return (handler: RouteHandler): RouteHandler =>
    async (req, res, params) => {
      requireStudio(keys, req);
      try {
        await handler(req, res, params);
      } catch (e) {
        throw toError(e);
      }
    };
}

/** Maps domain errors to HTTP; anything else is a 500 the caller logs. */
export function toHttpError(e: unknown): unknown {
  if (e instanceof LiveError) {
    const status = e.code === 'not_found' ? 404 : 409;
    return new HttpError(status, e.code, e.message);
  }
  if (e instanceof ShowTransitionError) return new HttpError(e.message.startsWith('no show') ? 404 : 409, ERROR_CODES.conflict, e.message);
  return e;
}

/** Studio-only API: every route checks the studio key first. */
export function addStudioRoutes(router: Router, deps: StudioRouteDeps): void {
  const { keys, store, links, live } = deps;
  const authed = studioRoute(keys, toHttpError);
  const showOr404 = (id: string) => findShow(store, id);

  router
    .add('GET', '/api/studio/session', authed((_req, res) => sendJson(res, 200, { ok: true })))
    .add('GET', '/api/shows', authed((_req, res) => sendJson(res, 200, store.list())))
    .add(
      'POST',
      '/api/shows',
      authed(async (req, res) => {
        const body = await readJson(req, CreateShowRequest);
        sendJson(res, 201, store.create(body.title, body.scheduledAt ?? null));
      }),
    )
    .add('GET', '/api/shows/:id', authed((_req, res, p) => sendJson(res, 200, showOr404(p.id!))))
    .add('POST', '/api/shows/:id/start', authed((_req, res, p) => sendJson(res, 200, live.start(showOr404(p.id!).id))))
    .add('POST', '/api/shows/:id/end', authed(async (_req, res, p) => sendJson(res, 200, await live.end(showOr404(p.id!).id))))
    .add('GET', '/api/shows/:id/links', authed(async (_req, res, p) => sendJson(res, 200, await links.list(showOr404(p.id!).id))))
    .add(
      'POST',
      '/api/shows/:id/links',
      authed(async (req, res, p) => {
        const show = showOr404(p.id!);
        const body = await readJson(req, CreateLinkRequest);
        sendJson(res, 201, await links.create(show.id, body.expiresInHours));
      }),
    )
    .add(
      'POST',
      '/api/links/:id/revoke',
      authed(async (_req, res, p) => {
        const link = await links.revoke(p.id!);
        if (!link) throw new HttpError(404, ERROR_CODES.notFound, `no watch link with id ${p.id}`);
        sendJson(res, 200, link);
      }),
    );
}
