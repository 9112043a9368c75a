import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CLIP_ROUTES, ClipFileName } from '../../../common/api/clip-routes.js';
import { ClipShape } from '../../../common/replay/clips.js';
import { CLIP_FILES } from '../clips/clip-cutter.js';
import { clipDir } from '../clips/clip-jobs.js';
import { clipBuyCookie, clipDevice, isLinkPreview } from '../clips/clip-cookies.js';
import type { ClipNumbersStore } from '../clips/clip-numbers.js';
import { CLIP_PAGE_CSP, clipGoneHtml, clipPageHtml, clipPageLang, type ClipPageLang } from '../clips/clip-page.js';
import type { ClipService } from '../clips/clip-service.js';
import type { ClipStore } from '../clips/clip-store.js';
import type { ShowStore } from '../shows/show-store.js';
import { ANSWERED, apiError, withHeaders, type DeclaredApi } from './declared.js';
import { attachmentDisposition, sendFileRange } from './range-response.js';
import { findShow } from './studio-routes.js';

const TYPES = { 'wide.mp4': 'video/mp4', 'vertical.mp4': 'video/mp4', 'thumb.jpg': 'image/jpeg' } as const;
/** A phone: the page opens on the vertical clip (the toggle switches). */
const PHONE = /iPhone|iPod|Android.*Mobile|Mobile.*Firefox/;

/** "봄 니트 라이브 - 2 - 캐시미어 코트 (9x16).mp4": show and segment, made safe for a file name. */
export function clipFilename(showTitle: string, segmentNo: number, segmentTitle: string, shape: ClipShape): string {
  const safe = (s: string) => s.normalize('NFC').replace(/[\p{C}/\\:*?"<>|]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `${[safe(showTitle), `${segmentNo}`, safe(segmentTitle)].filter(Boolean).join(' - ')} (${shape === 'wide' ? '16x9' : '9x16'}).mp4`;
}

/** The bilingual "no such clip" page (a person opened the link: not the API's JSON error). */
function sendGone(res: ServerResponse, lang: ClipPageLang): typeof ANSWERED {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CLIP_PAGE_CSP });
  res.end(clipGoneHtml(lang));
  return ANSWERED;
}

export function addClipRoutes(api: DeclaredApi, deps: { store: ShowStore; clips: ClipService; clipStore: ClipStore; numbers: ClipNumbersStore; dataDir: string }): void {
  const { store, clips, clipStore, numbers, dataDir } = deps;
  const ready = (token: string) => {
    const row = clipStore.byToken(token);
    if (!row || row.status !== 'ready') throw apiError('not_found', 'no such clip, or it is not cut yet');
    return row;
  };
  api
    .serve(CLIP_ROUTES.listClips, ({ params }) => clips.list(findShow(store, params.id)))
    .serve(CLIP_ROUTES.cutClip, ({ params, body }) => clips.cut(findShow(store, params.id), body))
    .serve(CLIP_ROUTES.deleteClip, async ({ params }) => {
      await clips.remove(findShow(store, params.id), params.clipId);
      return null;
    })
    .serve(CLIP_ROUTES.clipPage, ({ req, res, params }) => {
      const lang = clipPageLang(req.headers['accept-language']);
      const page = clips.page(params.token, (id) => store.get(id));
      if (!page) return sendGone(res, lang);
      const headers: Record<string, string> = { 'content-security-policy': CLIP_PAGE_CSP, 'referrer-policy': 'no-referrer' };
      // One view per device that opens the ready clip (a link preview fetching the card is none).
      if (page.clip.status === 'ready' && !isLinkPreview(req.headers['user-agent'])) {
        const device = clipDevice(req, clips.secure);
        numbers.countView(page.clip.id, device.id);
        if (device.setCookie) headers['set-cookie'] = device.setCookie;
      }
      return withHeaders(clipPageHtml(page, lang, PHONE.test(req.headers['user-agent'] ?? '')), headers);
    })
    // Before clipFile: its `:file` would take "buy".
    .serve(CLIP_ROUTES.clipBuy, ({ req, res, params }) => {
      const page = clips.page(params.token, (id) => store.get(id));
      if (!page || page.clip.status !== 'ready' || !page.buy) return sendGone(res, clipPageLang(req.headers['accept-language']));
      return withHeaders(null, { location: page.buy.url, 'set-cookie': clipBuyCookie(page.clip.token, page.buy.watchToken, clips.secure), 'referrer-policy': 'no-referrer' });
    })
    .serve(CLIP_ROUTES.clipFile, async ({ req, res, params }): Promise<typeof ANSWERED> => {
      const file = ClipFileName.safeParse(params.file);
      if (!file.success) throw apiError('not_found', 'no such clip file');
      const row = ready(params.token);
      const full = path.join(clipDir(dataDir, row.show_id, row.id), file.data);
      if (!(await sendFileRange(req, res, full, TYPES[file.data], { 'cache-control': 'public, max-age=300' }))) throw apiError('not_found', 'the clip file is missing');
      return ANSWERED;
    })
    .serve(CLIP_ROUTES.clipDownload, async ({ req, res, params }): Promise<typeof ANSWERED> => {
      const shape = ClipShape.safeParse(params.shape);
      if (!shape.success) throw apiError('not_found', 'no such clip shape (wide or vertical)');
      const row = ready(params.token);
      const show = store.get(row.show_id);
      const name = clipFilename(show?.title ?? 'clip', row.segment_no, clips.segmentTitle(show, row.segment_no), shape.data);
      const full = path.join(clipDir(dataDir, row.show_id, row.id), CLIP_FILES[shape.data]);
      if (!(await sendFileRange(req, res, full, 'video/mp4', { 'content-disposition': attachmentDisposition(name) }))) throw apiError('not_found', 'the clip file is missing');
      return ANSWERED;
    });
}
