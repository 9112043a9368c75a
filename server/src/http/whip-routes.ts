import type { ServerResponse } from 'node:http';
import type { TrickleCandidate } from 'janode';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { MediaUnavailableError } from '../janus/media-engine.js';
import { LiveError, type LiveShows } from '../live/live-shows.js';
import { answerFrag, iceCredentials, parseSdpFrag, restartOffer, SdpFragError, type SdpFrag } from '../live/sdpfrag.js';
import { ANSWERED, apiError, withHeaders, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';
import { toHttpError } from './studio-routes.js';

/**
 * WHIP (RFC 9725, docs/whip.md): POST an SDP offer to /whip/shows/<showId> with the studio key as
 * bearer token; 201 with the answer, the session's Location and its ETag. PATCH on the session
 * trickles candidates (204) or restarts ICE (200 with the answer's fragment and a new ETag);
 * DELETE ends it.
 */

/**
 * Browser encoders publish cross-origin; the studio key, not the origin, is the credential. Set on
 * every answer under /whip/ (errors, 404 and 405 included, by the app before routing), naming only
 * the methods served at that path: a client reads them to decide whether to trickle.
 */
export function setWhipCors(res: ServerResponse, methods: readonly string[]): void {
  res.setHeader('access-control-allow-origin', '*');
  if (methods.length) res.setHeader('access-control-allow-methods', methods.join(', '));
  res.setHeader('access-control-allow-headers', 'authorization, content-type, if-match');
  res.setHeader('access-control-expose-headers', 'location, etag, link');
  res.setHeader('access-control-max-age', '600');
}

/** Offers the media server refused are the sender's fault; the engine being down is not. */
function publishError(e: unknown): unknown {
  if (e instanceof LiveError && e.code === 'bad_sdp') return apiError('bad_sdp', e.message);
  const mapped = toHttpError(e);
  if (mapped instanceof HttpError) return mapped;
  if (e instanceof MediaUnavailableError) return apiError('media_unavailable', e.message);
  if (!(e instanceof Error)) return e;
  return apiError('bad_sdp', `the media server rejected the offer: ${e.message}`);
}

const engineError = (e: unknown): unknown => (e instanceof MediaUnavailableError ? apiError('media_unavailable', e.message) : e);

/** If-Match (RFC 9110 §13.1.1): `*` or a list of entity tags; strong comparison, so weak tags never match. */
function ifMatch(header: string | undefined, etag: string): 'absent' | 'wildcard' | 'match' | 'mismatch' {
  if (header === undefined) return 'absent';
  const tags = header.split(',').map((t) => t.trim());
  // RFC 9725's prose writes the wildcard as "*"; some clients send it quoted.
  if (tags.some((t) => t === '*' || t === '"*"')) return 'wildcard';
  return tags.includes(etag) ? 'match' : 'mismatch';
}

/** The offer's m= sections' mids in order: a fragment that names no mid is matched by position. */
function offerMids(offer: string): (string | null)[] {
  const mids: (string | null)[] = [];
  for (const line of offer.split(/\r?\n/)) {
    if (line.startsWith('m=')) mids.push(null);
    else if (line.startsWith('a=mid:') && mids.length) mids[mids.length - 1] = line.slice(6);
  }
  return mids;
}

/** The fragment's candidates as Janus takes them, each tied to an m= section of the session's offer. */
function candidatesOf(frag: SdpFrag, offer: string): TrickleCandidate[] {
  const mids = offerMids(offer);
  const out: TrickleCandidate[] = [];
  for (const m of frag.media) {
    const index = m.mid !== null ? mids.indexOf(m.mid) : m.index;
    if (index < 0 || index >= mids.length) throw apiError('bad_request', `the fragment names an m= section the offer does not have (${m.mid ?? m.index})`);
    const mid = mids[index];
    for (const candidate of m.candidates) out.push({ candidate, sdpMLineIndex: index, ...(mid !== null && mid !== undefined ? { sdpMid: mid } : {}) });
  }
  return out;
}

const gone = () => apiError('not_found', 'no such publishing session (it ended or was replaced)');

export function addWhipRoutes(api: DeclaredApi, live: LiveShows): void {
  const R = RELAY_ROUTES;
  api
    .serve(R.whipPreflight, () => null)
    .serve(R.whipSessionPreflight, () => null)
    .serve(
      R.whipPublish,
      async ({ params, body }) => {
        if (!/^v=0\r?\n/.test(body) || !/\r?\nm=(audio|video) /.test(body)) throw apiError('bad_sdp', 'the body is not an SDP offer with audio or video');
        const result = await live.publish(params.id, body);
        return withHeaders(result.answerSdp, { location: `/whip/sessions/${result.sessionId}`, etag: result.etag });
      },
      publishError,
    )
    .serve(
      R.whipPatch,
      async ({ req, res, params, body }) => {
        const session = live.whipSession(params.sid);
        if (!session) throw gone();
        let frag: SdpFrag;
        try {
          frag = parseSdpFrag(body);
        } catch (e) {
          if (e instanceof SdpFragError) throw apiError('bad_request', `not a trickle-ICE SDP fragment: ${e.message}`);
          throw e;
        }
        const current = iceCredentials(session.offerSdp);
        const restart = frag.ufrag !== null && frag.pwd !== null && (current === null || frag.ufrag !== current.ufrag || frag.pwd !== current.pwd);
        const precondition = ifMatch(req.headers['if-match'], session.etag);
        if (restart) {
          // RFC 9725: only the wildcard asks for a restart; new credentials under a tag are a client's mistake.
          if (precondition === 'mismatch') throw apiError('precondition_failed', 'If-Match names an entity tag this session no longer has');
          if (precondition !== 'wildcard') throw apiError('precondition_required', 'new ICE credentials are an ICE restart, which needs If-Match: "*"');
          const offer = restartOffer(session.offerSdp, { ufrag: frag.ufrag!, pwd: frag.pwd! });
          const candidates = candidatesOf(frag, offer);
          const done = await live.restartIce(params.sid, offer);
          if (!done) throw gone();
          if (candidates.length || frag.endOfCandidates) await live.trickle(params.sid, candidates, frag.endOfCandidates);
          res.writeHead(200, { 'content-type': 'application/trickle-ice-sdpfrag', etag: done.etag, 'cache-control': 'no-store' });
          res.end(answerFrag(done.answerSdp));
          return ANSWERED;
        }
        // A trickle PATCH from before an ICE restart carries the old tag: its candidates are stale.
        if (precondition === 'mismatch') throw apiError('precondition_failed', 'If-Match names an entity tag this session no longer has (ICE was restarted)');
        const candidates = candidatesOf(frag, session.offerSdp);
        if (candidates.length || frag.endOfCandidates) {
          if (!(await live.trickle(params.sid, candidates, frag.endOfCandidates))) throw gone();
        }
        return null;
      },
      engineError,
    )
    .serve(R.whipStop, async ({ params }) => {
      if (!(await live.unpublish(params.sid))) throw gone();
      return null;
    });
}
