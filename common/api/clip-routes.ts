import { z } from 'zod';
import { Clip, CutClipRequest, ShowClips } from '../replay/clips.js';
import { MAX_API_BODY_BYTES } from '../limits.js';
import { route } from './route.js';

const none = { kind: 'none' } as const;

/** Clips cut from a show's replay (docs/clips.md); spread into RELAY_ROUTES. */
export const CLIP_ROUTES = {
  listClips: route({ method: 'GET', path: '/api/shows/:id/clips', auth: 'studio', summary: "The show's segments with their video range in the replay, products and clips (status, cutting progress, and each clip's views, orders, buyers and revenue).", body: none, answer: { kind: 'json', status: 200, schema: ShowClips }, errors: ['unauthorized'] }),
  cutClip: route({
    method: 'POST',
    path: '/api/shows/:id/clips',
    auth: 'studio',
    summary: "Queues the cut of a segment's clip (both shapes and a thumbnail): the segment's video (its first 2 minutes), or a chosen in/out in replay seconds (10 s to 2 min, inside the recording). Again on the same segment re-cuts it, keeping its link.",
    body: { kind: 'json', schema: CutClipRequest, maxBytes: MAX_API_BODY_BYTES },
    answer: { kind: 'json', status: 202, schema: Clip },
    errors: ['unauthorized', 'conflict', 'no_replay', 'no_video', 'clip_range'],
  }),
  deleteClip: route({ method: 'DELETE', path: '/api/shows/:id/clips/:clipId', auth: 'studio', summary: 'Deletes a clip, its files and its page (a cut in progress is stopped).', body: none, answer: { kind: 'empty', status: 204 }, errors: ['unauthorized'] }),
  clipPage: route({ method: 'GET', path: '/c/:token', auth: 'public', summary: "The public page of a clip: the video (16:9 or 9:16), the product and a Buy button (through /c/:token/buy); a ready clip counts one view per device (a cookie: the page has no script).", body: none, answer: { kind: 'text', status: 200, contentType: 'text/html; charset=utf-8' }, errors: [] }),
  clipBuy: route({ method: 'GET', path: '/c/:token/buy', auth: 'public', summary: "The clip page's Buy: 303 to the show's watch page opened on the clip's product, with a cookie (24 h, sent only to that watch link's API) that makes an order placed there count for the clip. A clip without a product or a watch link, or gone, gets the clip-gone page (404).", body: none, answer: { kind: 'empty', status: 303 }, errors: [] }),
  clipFile: route({ method: 'GET', path: '/c/:token/:file', auth: 'public', summary: "A clip's file (wide.mp4, vertical.mp4, thumb.jpg) with byte ranges (206, 416).", body: none, answer: { kind: 'bytes', status: 200, contentType: 'video/mp4' }, errors: ['range_not_satisfiable'] }),
  clipDownload: route({ method: 'GET', path: '/c/:token/download/:shape', auth: 'public', summary: "A clip's MP4 as a download named after the show and segment (RFC 5987 filename for Korean).", body: none, answer: { kind: 'bytes', status: 200, contentType: 'video/mp4' }, errors: ['range_not_satisfiable'] }),
} as const;

export const ClipFileName = z.enum(['wide.mp4', 'vertical.mp4', 'thumb.jpg']);
