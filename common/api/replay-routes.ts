import { z } from 'zod';
import { MAX_WATCH_BODY_BYTES } from '../protocol/watch-api.js';
import { ViewerId } from '../protocol/viewer-id.js';
import { ReplayChat, ReplayInfo } from '../replay/replay-view.js';
import { route } from './route.js';

/** The watch page says a device opened the ready replay; counted once per device (the Replays screen's views). */
export const ReplayViewRequest = z.object({ viewerId: ViewerId }).strict();

const none = { kind: 'none' } as const;
const video = { kind: 'bytes', status: 200, contentType: 'video/*' } as const;

/** The shoppable replay on the watch link (docs/replay.md); spread into RELAY_ROUTES. A viewer can only read. */
export const REPLAY_ROUTES = {
  replayInfo: route({
    method: 'GET',
    path: '/api/watch/:token/replay',
    auth: 'viewer',
    summary: "The show's replay as the watch page plays it: none (not ended, not recorded), processing with progress, deleted, or ready with its duration, the host's cues on the replay's seconds, chapters per segment and per product, and quiz and poll results.",
    body: none,
    answer: { kind: 'json', status: 200, schema: ReplayInfo },
    errors: ['link_gone'],
  }),
  replayChat: route({
    method: 'GET',
    path: '/api/watch/:token/replay/chat',
    auth: 'viewer',
    summary: "The show's chat for the replay: the messages everyone saw live (not deleted, hidden, held or rejected), each at its replay second; the last 5,000.",
    body: none,
    answer: { kind: 'json', status: 200, schema: ReplayChat },
    errors: ['link_gone', 'no_replay'],
  }),
  replayVideo: route({ method: 'GET', path: '/api/watch/:token/replay/video', auth: 'viewer', summary: 'The replay video (camera shows: VP8 + Opus WebM; OBS shows: H.264 + AAC MP4) with byte ranges (206, 416).', body: none, answer: video, errors: ['link_gone', 'no_replay', 'range_not_satisfiable'] }),
  replayView: route({
    method: 'POST',
    path: '/api/watch/:token/replay/views',
    auth: 'viewer',
    summary: 'Counts a view of the ready replay, once per device id (the seller sees distinct devices).',
    body: { kind: 'json', schema: ReplayViewRequest, maxBytes: MAX_WATCH_BODY_BYTES },
    answer: { kind: 'empty', status: 204 },
    errors: ['link_gone', 'unknown_viewer', 'no_replay'],
  }),
  replayRenditionVideo: route({
    method: 'GET',
    path: '/api/watch/:token/replay/video.mp4',
    auth: 'viewer',
    summary: "A camera show's replay as an H.264 + AAC MP4 (a background re-encode of the WebM, for iPhones before iOS 17.4) with byte ranges (206, 416); `no_replay` until that rendition is complete.",
    body: none,
    answer: video,
    errors: ['link_gone', 'no_replay', 'range_not_satisfiable'],
  }),
  replayRenditionVideoHead: route({ method: 'HEAD', path: '/api/watch/:token/replay/video.mp4', auth: 'viewer', summary: "The MP4 rendition's headers without the bytes.", body: none, answer: video, errors: ['link_gone', 'no_replay', 'range_not_satisfiable'] }),
  replayVideoHead: route({ method: 'HEAD', path: '/api/watch/:token/replay/video', auth: 'viewer', summary: "The replay video's headers (length, type, Accept-Ranges) without the bytes.", body: none, answer: video, errors: ['link_gone', 'no_replay', 'range_not_satisfiable'] }),
} as const;
