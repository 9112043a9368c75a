import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '../../../common/errors.js';
import { VIEWER_ID_HEADER } from '../../../common/protocol/viewer-header.js';
import { ViewerId } from '../../../common/protocol/viewer-id.js';
import type { Show } from '../../../common/show.js';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import type { ShowStore } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import { HttpError } from './http-util.js';

/** What every viewer call under /api/watch/:token/… needs: the link checked, the show, the viewer. */
export interface WatchAccess {
  links: WatchLinks;
  store: ShowStore;
  viewers: ViewerRegistry;
}

/** The show a watch token opens; a bad, expired or revoked link is a clear 404/410. */
export function showForToken(access: WatchAccess, token: string): Show {
  const link = access.links.resolve(token);
  if (!link.ok) {
    const gone = link.reason === 'expired' || link.reason === 'revoked';
    throw gone ? new HttpError(410, 'link_gone', `this watch link is ${link.reason}`) : new HttpError(404, ERROR_CODES.notFound, 'this watch link is not valid');
  }
  const show = access.store.get(link.showId);
  if (!show) throw new HttpError(404, ERROR_CODES.notFound, 'this show no longer exists');
  return show;
}

/** Viewer ids must have been issued for (or registered in) this show: caps hold per device. */
export function requireViewer(access: WatchAccess, show: Show, viewerId: string): void {
  if (!access.viewers.isRegistered(show.id, viewerId)) throw new HttpError(401, 'unknown_viewer', 'this device is not registered for the show; reload the page');
}

/** Orders, claims, answers and votes happen only while the show is live. */
export function requireLive(show: Show): void {
  if (show.status !== 'live') throw new HttpError(409, 'show_not_live', show.status === 'ended' ? 'the show has ended' : 'the show has not started yet');
}

/**
 * The device id on GETs, from the `X-Viewer-Id` header. A `?viewerId=` in the URL is refused (not
 * ignored): the id is a bearer secret and must not be logged with request targets.
 */
export function viewerIdParam(req: IncomingMessage): string {
  if (new URL(req.url ?? '/', 'http://relay').searchParams.has('viewerId')) {
    throw new HttpError(400, ERROR_CODES.badRequest, `the viewer id goes in the ${VIEWER_ID_HEADER} header, not in the query string`);
  }
  const id = ViewerId.safeParse(req.headers[VIEWER_ID_HEADER]);
  if (!id.success) throw new HttpError(400, ERROR_CODES.badRequest, `the ${VIEWER_ID_HEADER} header is missing or malformed`);
  return id.data;
}
