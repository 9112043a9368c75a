import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import { Id } from '../../../common/commerce/catalog.js';
import type { Show } from '../../../common/show.js';
import type { Engagement } from '../engagement/engagement.js';
import { EngagementError } from '../engagement/errors.js';
import { apiError, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';
import { requireLive, requireViewer, showForToken, viewerIdParam, type WatchAccess } from './watch-access.js';

export interface EngagementRouteDeps {
  access: WatchAccess;
  engagement: Engagement;
}

const engagementError = (e: unknown) => (e instanceof EngagementError ? new HttpError(e.status, e.code, e.message) : e);

/** Viewer calls for taking part: quiz answers and outcomes, poll votes, funnel taps (docs/api.md). */
export function addEngagementRoutes(api: DeclaredApi, deps: EngagementRouteDeps): void {
  // Not the cached show: answers and votes are refused the moment a show ends (they are not re-checked in a transaction).
  const { engagement, access } = deps;

  /** Rate limit, then the viewer: the checks every call shares, cheapest first (the link was checked before the body). */
  const admit = (show: Show, viewerId: string) => {
    if (!engagement.limiter.take(`${show.id}:${viewerId}`)) throw apiError('rate_limited', 'too many requests from this device; wait a moment');
    requireViewer(access, show, viewerId);
  };
  const e = engagementError;

  api
    .serve(
      R.answerQuiz,
      // arrivedAt was taken before the body was read: the quiz deadline is about when the answer reached the relay.
      async ({ req, params, body, arrivedAt }) => {
        const show = showForToken(access, params.token);
        admit(show, body.viewerId);
        requireLive(show);
        const reactionMs = await engagement.quizzes.answer(show, body.viewerId, body, arrivedAt, access.viewers.networkTagOf(req));
        return { accepted: true as const, reactionMs };
      },
      e,
    )
    .serve(
      R.quizOutcome,
      ({ req, params }) => {
        const show = showForToken(access, params.token);
        if (!Id.safeParse(params.quizId).success) throw apiError('bad_request', 'quiz id is malformed');
        const viewerId = viewerIdParam(req);
        admit(show, viewerId);
        return engagement.quizzes.outcome(show, params.quizId, viewerId);
      },
      e,
    )
    .serve(
      R.votePoll,
      async ({ req, params, body, arrivedAt }) => {
        const show = showForToken(access, params.token);
        admit(show, body.viewerId);
        requireLive(show);
        return { counts: await engagement.polls.vote(show, body.viewerId, body.pollId, body.choiceIndex, arrivedAt, access.viewers.networkTagOf(req)) };
      },
      e,
    )
    .serve(
      R.viewerEvent,
      async ({ params, body, arrivedAt }) => {
        const show = showForToken(access, params.token);
        admit(show, body.viewerId);
        // Only products on sale in this show: the funnel is not a place to store arbitrary ids.
        if (!engagement.catalogOf(show)?.products.some((x) => x.id === body.productId)) throw apiError('unknown_product', 'this product is not on sale in this show');
        await engagement.funnel.record(show.id, body.viewerId, body.kind, body.productId, arrivedAt);
        return null;
      },
      e,
    );
}
