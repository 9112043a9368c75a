import { ERROR_CODES } from '../../../common/errors.js';
import { MAX_SDP_BYTES } from '../../../common/limits.js';
import type { StudioKeys } from '../auth/studio-keys.js';
import { LiveError, type LiveShows } from '../live/live-shows.js';
import { MediaUnavailableError } from '../janus/media-engine.js';
import { HttpError, readBody, type Router } from './http-util.js';
import { requireStudio, toHttpError } from './studio-routes.js';

/**
 * WHIP (RFC 9725) ingest: POST an SDP offer to /whip/shows/<showId> with the studio key as
 * bearer token; the answer comes back with 201 and a Location to DELETE when done.
 * Offers must carry their candidates (non-trickle); PATCH (trickle, ICE restart) is answered 405.
 */
/** Browser-based WHIP encoders publish cross-origin; the studio key, not the origin, is the credential. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, DELETE, PATCH, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'location',
};

export function addWhipRoutes(router: Router, keys: StudioKeys, live: LiveShows): void {
  const preflight = (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(204, { ...CORS, 'access-control-max-age': '600' }).end();
  router
    .add('OPTIONS', '/whip/shows/:id', preflight)
    .add('OPTIONS', '/whip/sessions/:sid', preflight)
    .add('POST', '/whip/shows/:id', async (req, res, p) => {
      for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      requireStudio(keys, req);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/sdp') throw new HttpError(415, ERROR_CODES.badRequest, 'WHIP needs Content-Type: application/sdp');
      const offer = await readBody(req, MAX_SDP_BYTES);
      if (!/^v=0\r?\n/.test(offer) || !/\r?\nm=(audio|video) /.test(offer)) throw new HttpError(400, ERROR_CODES.badRequest, 'the body is not an SDP offer with audio or video');
      let result;
      try {
        result = await live.publish(p.id!, offer);
      } catch (e) {
        if (e instanceof LiveError && e.code === 'bad_sdp') throw new HttpError(400, ERROR_CODES.badRequest, e.message);
        const mapped = toHttpError(e);
        if (mapped instanceof HttpError) throw mapped;
        if (e instanceof MediaUnavailableError || !(e instanceof Error)) throw e;
        // Janus answers a malformed or codec-less offer with an error: that is the sender's fault.
        throw new HttpError(400, ERROR_CODES.badRequest, `the media server rejected the offer: ${e.message}`);
      }
      res.writeHead(201, {
        'content-type': 'application/sdp',
        location: `/whip/sessions/${result.sessionId}`,
        'cache-control': 'no-store',
      });
      res.end(result.answerSdp);
    })
    .add('DELETE', '/whip/sessions/:sid', async (req, res, p) => {
      for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      requireStudio(keys, req);
      const found = await live.unpublish(p.sid!);
      if (!found) throw new HttpError(404, ERROR_CODES.notFound, 'no such publishing session');
      res.writeHead(200).end();
    })
    .add('PATCH', '/whip/sessions/:sid', () => {
      throw new HttpError(405, ERROR_CODES.badRequest, 'trickle ICE and ICE restarts are not supported; publish again with a full offer');
    });
}
