import { readFileSync, statSync } from 'node:fs';
import { clipRange, type Clip, type CutClipRequest, type ShowClips, videoOfWallRange } from '../../../common/replay/clips.js';
import { ReplayTimeline } from '../../../common/replay/timeline.js';
import type { Show } from '../../../common/show.js';
import type { Db } from '../db/database.js';
import { apiError } from '../http/declared.js';
import { replayFile, timelineFile } from '../replay/replay-paths.js';
import type { ClipJobs } from './clip-jobs.js';
import { NO_NUMBERS, type ClipNumbersStore } from './clip-numbers.js';
import { showSegments, type ShowSegment } from './clip-segments.js';
import type { ClipRow, ClipStore } from './clip-store.js';

export interface ClipPageData {
  clip: ClipRow;
  show: Show;
  product: { id: string; name: string; imageUrl: string | null } | null;
  /** Where Buy goes: the show's watch page opened on the product, and that link's token; null when the show has no usable link. */
  buy: { url: string; watchToken: string } | null;
}

/**
 * Clips of ended shows: which segments have video (from the replay's timeline), the range a clip
 * is cut from (common/replay/clips.ts), and the rows the jobs cut. The relay's HTTP routes call this.
 */
export class ClipService {
  private timelines = new Map<string, { mtimeMs: number; timeline: ReplayTimeline }>();

  constructor(private readonly o: { db: Db; store: ClipStore; numbers: ClipNumbersStore; jobs: ClipJobs; dataDir: string; baseUrl: () => string }) {}

  /** Cookies the clip page sets are Secure when the relay is reached over HTTPS. */
  get secure(): boolean {
    return this.o.baseUrl().startsWith('https:');
  }

  /** The show's replay timeline, or null when there is no replay. Parsed once per file version (it can be megabytes). */
  timeline(showId: string): ReplayTimeline | null {
    let mtimeMs: number;
    try {
      statSync(replayFile(this.o.dataDir, showId));
      mtimeMs = statSync(timelineFile(this.o.dataDir, showId)).mtimeMs;
    } catch {
      this.timelines.delete(showId);
      return null;
    }
    const cached = this.timelines.get(showId);
    if (cached?.mtimeMs === mtimeMs) return cached.timeline;
    let parsed;
    try {
      parsed = ReplayTimeline.safeParse(JSON.parse(readFileSync(timelineFile(this.o.dataDir, showId), 'utf8')));
    } catch {
      return null;
    }
    if (!parsed.success) return null;
    this.timelines.set(showId, { mtimeMs, timeline: parsed.data });
    return parsed.data;
  }

  list(show: Show): ShowClips {
    const timeline = this.timeline(show.id);
    const clips = new Map(this.o.store.ofShow(show.id).map((c) => [c.segment_no, c]));
    const numbers = this.o.numbers.ofShow(show.id);
    const segments = showSegments(this.o.db, show.id, show.endedAt).map((s) => {
      const clip = clips.get(s.segmentNo);
      return {
        segmentNo: s.segmentNo,
        segmentId: s.segmentId,
        title: s.title,
        startedAt: s.startedAt,
        productIds: s.productIds,
        video: timeline ? videoOfWallRange(timeline, s.startMs, s.endMs) : null,
        clip: clip ? this.toClip(clip, numbers.get(clip.id)) : null,
      };
    });
    return { replay: timeline !== null, durationSec: timeline?.durationSec ?? 0, segments };
  }

  /** Queues the segment's clip (or a re-cut with a new range); answers with the clip as queued. */
  cut(show: Show, req: CutClipRequest): Clip {
    if (show.status !== 'ended') throw apiError('conflict', 'clips are cut from the replay once the show has ended');
    const timeline = this.timeline(show.id);
    if (!timeline) throw apiError('no_replay', 'this show has no replay to cut from (not recorded, not processed yet, or deleted)');
    const segment = this.segment(show, req.segmentNo);
    const chosen = req.inSec !== undefined && req.outSec !== undefined ? { inSec: req.inSec, outSec: req.outSec } : undefined;
    const range = clipRange(timeline, videoOfWallRange(timeline, segment.startMs, segment.endMs), chosen);
    if (!range.ok) throw apiError(range.code, range.message);
    const row = this.o.store.queue({ showId: show.id, segmentNo: segment.segmentNo, segmentId: segment.segmentId, productId: segment.productIds[0] ?? null, inSec: range.inSec, outSec: range.outSec });
    this.o.jobs.kick(row.id);
    return this.toClip(this.o.store.get(row.id) ?? row, this.o.numbers.ofShow(show.id).get(row.id));
  }

  async remove(show: Show, clipId: string): Promise<void> {
    const row = this.o.store.get(clipId);
    if (!row || row.show_id !== show.id) throw apiError('not_found', 'no such clip in this show');
    this.o.store.delete(clipId);
    await this.o.jobs.discard(show.id, clipId);
  }

  /** What the public clip page shows; undefined for an unknown token. */
  page(token: string, show: (id: string) => Show | undefined): ClipPageData | undefined {
    const clip = this.o.store.byToken(token);
    const s = clip && show(clip.show_id);
    if (!clip || !s) return undefined;
    const segment = showSegments(this.o.db, s.id, s.endedAt).find((x) => x.segmentNo === clip.segment_no);
    const card = clip.product_id ? segment?.cards.get(clip.product_id) : undefined;
    const product = clip.product_id ? { id: clip.product_id, name: card?.name ?? clip.product_id, imageUrl: card?.imageUrl ?? null } : null;
    return { clip, show: s, product, buy: this.buyUrl(s.id, clip.product_id) };
  }

  segmentTitle(show: Show | undefined, segmentNo: number): string {
    return (show && showSegments(this.o.db, show.id, show.endedAt).find((s) => s.segmentNo === segmentNo)?.title) ?? '';
  }

  toClip(c: ClipRow, numbers = NO_NUMBERS): Clip {
    const base = `${this.o.baseUrl()}/c/${c.token}`;
    return {
      id: c.id,
      showId: c.show_id,
      segmentNo: c.segment_no,
      productId: c.product_id,
      inSec: c.in_sec,
      outSec: c.out_sec,
      status: c.status,
      progress: c.progress,
      error: c.error_code ? { code: c.error_code, message: c.error_message ?? '' } : null,
      numbers,
      pageUrl: base,
      files: { wide: `${base}/wide.mp4`, vertical: `${base}/vertical.mp4`, thumbnail: `${base}/thumb.jpg` },
      updatedAt: new Date(c.updated_at).toISOString(),
    };
  }

  private segment(show: Show, segmentNo: number): ShowSegment {
    const segment = showSegments(this.o.db, show.id, show.endedAt).find((s) => s.segmentNo === segmentNo);
    if (!segment) throw apiError('not_found', `the show has no segment number ${segmentNo}`);
    return segment;
  }

  /**
   * The newest usable watch link of the show, opened on the product (`?product=`). The clip page
   * links there rather than embedding the checkout: the watch page owns checkout, stock and the
   * replay's price rules (docs/clips.md).
   */
  private buyUrl(showId: string, productId: string | null): { url: string; watchToken: string } | null {
    if (!productId) return null;
    const row = this.o.db
      .prepare('SELECT token FROM watch_links WHERE show_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC LIMIT 1')
      .get(showId, new Date().toISOString()) as { token: string } | undefined;
    return row ? { url: `${this.o.baseUrl()}/w/${row.token}?product=${encodeURIComponent(productId)}`, watchToken: row.token } : null;
  }
}
