import type { IncomingMessage, ServerResponse } from 'node:http';
import { Id } from '../../../common/commerce/catalog.js';
import { PollVoteRequest, QuizAnswerRequest, ViewerEventRequest } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import type { Engagement } from '../engagement/engagement.js';
import { EngagementError } from '../engagement/errors.js';
import { HttpError, sendJson, type Router } from './http-util.js';
import { readWatchJson, requireLive, requireViewer, showForToken, viewerIdParam, type WatchAccess } from './watch-access.js';

export interface EngagementRouteDeps extends WatchAccess {
  engagement: Engagement;
}

/** Viewer calls for taking part: quiz answers and outcomes, poll votes, funnel taps (docs/commerce-api.md). */
export function addEngagementRoutes(router: Router, deps: EngagementRouteDeps): void {
  const { engagement } = deps;

  /** Link, rate limit, then the viewer: the checks every call shares, cheapest first. */
  const admit = (show: Show, viewerId: string) => {
    if (!engagement.limiter.take(`${show.id}:${viewerId}`)) throw new HttpError(429, 'rate_limited', 'too many requests from this device; wait a moment');
    requireViewer(deps, show, viewerId);
  };
  const handle =
    (fn: (req: IncomingMessage, res: ServerResponse, p: Record<string, string>, arrival: number) => Promise<void> | void) =>
    async (req: IncomingMessage, res: ServerResponse, p: Record<string, string>) => {
      // Arrival is taken before the body is read: the quiz deadline is about when the answer reached the relay.
      const arrival = Date.now();
      try {
        await fn(req, res, p, arrival);
      } catch (e) {
        if (e instanceof EngagementError) throw new HttpError(e.status, e.code, e.message);
        throw e;
      }
    };

  router
    .add(
      'POST',
      '/api/watch/:token/quizzes/answer',
      handle(async (req, res, p, arrival) => {
        const show = showForToken(deps, p.token!);
        const body = await readWatchJson(req, QuizAnswerRequest);
        admit(show, body.viewerId);
        requireLive(show);
        const reactionMs = await engagement.quizzes.answer(show, body.viewerId, body, arrival, deps.viewers.networkTagOf(req));
        sendJson(res, 200, { accepted: true, reactionMs });
      }),
    )
    .add(
      'GET',
      '/api/watch/:token/quizzes/:quizId/outcome',
      handle((req, res, p) => {
        const show = showForToken(deps, p.token!);
        if (!Id.safeParse(p.quizId).success) throw new HttpError(400, 'bad_request', 'quiz id is malformed');
        const viewerId = viewerIdParam(req);
        admit(show, viewerId);
        sendJson(res, 200, engagement.quizzes.outcome(show, p.quizId!, viewerId));
      }),
    )
    .add(
      'POST',
      '/api/watch/:token/polls/vote',
      handle(async (req, res, p, arrival) => {
        const show = showForToken(deps, p.token!);
        const body = await readWatchJson(req, PollVoteRequest);
        admit(show, body.viewerId);
        requireLive(show);
        sendJson(res, 200, { counts: await engagement.polls.vote(show, body.viewerId, body.pollId, body.choiceIndex, arrival, deps.viewers.networkTagOf(req)) });
      }),
    )
    .add(
      'POST',
      '/api/watch/:token/events',
      handle(async (req, res, p, arrival) => {
        const show = showForToken(deps, p.token!);
        const body = await readWatchJson(req, ViewerEventRequest);
        admit(show, body.viewerId);
        // Only products on sale in this show: the funnel is not a place to store arbitrary ids.
        if (!engagement.catalogOf(show)?.products.some((x) => x.id === body.productId)) throw new HttpError(400, 'unknown_product', 'this product is not on sale in this show');
        await engagement.funnel.record(show.id, body.viewerId, body.kind, body.productId, arrival);
        res.writeHead(204, { 'cache-control': 'no-store' });
        res.end();
      }),
    );
}
