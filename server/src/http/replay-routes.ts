import { REPLAY_ROUTES } from '../../../common/api/replay-routes.js';
import type { ReplayNumbersStore } from '../replay/replay-numbers.js';
import type { ReplayService } from '../replay/replay-service.js';
import { ANSWERED, apiError, type DeclaredApi } from './declared.js';
import { sendFileRange } from './range-response.js';
import { requireViewer, type WatchAccess } from './watch-access.js';
import type { WatchShowCache } from './watch-show-cache.js';

/**
 * The replay on the watch link (docs/replay.md): its state and cue timeline as JSON, and the video
 * with byte ranges (seeking) and HEAD. Read-only; the token is checked before anything is read.
 */
export function addReplayRoutes(api: DeclaredApi, deps: { shows: WatchShowCache; replay: ReplayService; access: WatchAccess; numbers: ReplayNumbersStore }): void {
  const { shows, replay } = deps;
  type VideoRequest = { req: Parameters<typeof sendFileRange>[0]; res: Parameters<typeof sendFileRange>[1]; params: { token: string } };
  /** The replay, or its MP4 rendition: the same checks, ranges and caching for both. */
  const video = (which: 'replay' | 'rendition') => async ({ req, res, params }: VideoRequest): Promise<typeof ANSWERED> => {
    const video = replay.videoFile(shows.showFor(params.token), which);
    if (!video && which === 'rendition') throw apiError('no_replay', 'this replay has no complete MP4 rendition (a camera show\'s is made after the replay is ready; an OBS show\'s replay is MP4 already)');
    if (!video) throw apiError('no_replay', 'this show has no replay to play (not ended, not recorded, still processing, or deleted)');
    // Private: the path carries the watch token; a viewer's browser may keep it a while for seeking.
    if (!(await sendFileRange(req, res, video.file, video.mime, { 'cache-control': 'private, max-age=300' }))) throw apiError('no_replay', 'the replay file is missing');
    return ANSWERED;
  };
  api
    .serve(REPLAY_ROUTES.replayInfo, ({ params }) => replay.info(shows.showFor(params.token), params.token))
    .serve(REPLAY_ROUTES.replayChat, ({ params }) => {
      const chat = replay.chat(shows.showFor(params.token));
      if (!chat) throw apiError('no_replay', 'this show has no replay to play (not ended, not recorded, still processing, or deleted)');
      return chat;
    })
    .serve(REPLAY_ROUTES.replayVideo, video('replay'))
    .serve(REPLAY_ROUTES.replayRenditionVideo, video('rendition'))
    .serve(REPLAY_ROUTES.replayRenditionVideoHead, video('rendition'))
    .serve(REPLAY_ROUTES.replayView, ({ params, body }) => {
      const show = shows.showFor(params.token);
      requireViewer(deps.access, show, body.viewerId);
      // Only a replay that plays counts: a view of "preparing" or "deleted" is no view of the replay.
      if (!replay.videoFile(show)) throw apiError('no_replay', 'this show has no replay to view');
      deps.numbers.countView(show.id, body.viewerId);
      return null;
    })
    .serve(REPLAY_ROUTES.replayVideoHead, video('replay'));
}
