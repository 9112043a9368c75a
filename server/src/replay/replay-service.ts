import { readFileSync, statSync } from 'node:fs';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import { replaySecOf, type ReadyReplay, type ReplayChapter, type ReplayCue, type ReplayInfo } from '../../../common/replay/replay-view.js';
import { ReplayTimeline } from '../../../common/replay/timeline.js';
import type { Show } from '../../../common/show.js';
import { EMPTY_STAGE, StageOp } from '../../../common/stage.js';
import { showSegments } from '../clips/clip-segments.js';
import type { Commerce } from '../commerce/commerce.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log.js';
import { replayResults, safeJson } from './replay-results.js';
import { replayContainer, replayFileIn, timelineFile } from './replay-paths.js';
import { RENDITION_TYPE, REPLAY_CONTAINERS, type ReplayChat } from '../../../common/replay/replay-view.js';
import { fillPath } from '../../../common/api/route.js';
import { REPLAY_ROUTES } from '../../../common/api/replay-routes.js';
import type { Mp4Renditions } from './mp4-renditions.js';
import { ChatStore } from '../chat/chat-store.js';
import { replayChat } from './replay-chat.js';

const MAX_CUES = 5_000;
const MAX_CHAPTERS = 2_000;
/** Timelines parsed and kept (a long show's frame list is megabytes of JSON): the few shows being replayed now. */
const TIMELINE_CACHE = 8;

export interface Firing {
  firedAtMs: number;
  captureMs: number | null;
  op: StageOp;
}

/**
 * What the watch page plays after a show (docs/replay.md, "Player"): the replay's state, and when
 * ready its cues placed on the replay's seconds (stamped frame, else relay time), chapters per
 * segment and per product, quiz and poll results. Cards carry the stock the relay holds now; a
 * live-only offer (a 라이브 특가 on a card, a coupon drop) is left out unless the seller lets live
 * offers hold in the replay, and a drop also only while its coupon is still valid with quota left.
 */
export class ReplayService {
  private readonly timelines = new Map<string, { version: string; timeline: ReplayTimeline }>();

  private readonly chatStore: ChatStore;

  constructor(private readonly deps: { db: Db; commerce: Commerce; dataDir: string; renditions: Pick<Mp4Renditions, 'stateOf' | 'fileOf'>; log: Logger; now?: () => number }) {
    this.chatStore = new ChatStore(deps.db);
  }

  info(show: Show, token: string): ReplayInfo {
    if (show.status !== 'ended') return { state: 'none' };
    const rec = this.deps.commerce.sales.recordingOf(show.id);
    if (!rec || rec.status === 'failed') return { state: 'none' };
    if (rec.status === 'deleted') return { state: 'deleted' };
    if (rec.status !== 'ready') return { state: 'processing', progress: rec.status === 'processing' ? rec.progress : 0 };
    const timeline = this.timeline(show.id);
    if (!timeline) return { state: 'none' };
    return this.ready(show, token, timeline);
  }

  /** The chat beside a ready replay, or null when there is no replay to play. */
  chat(show: Show): ReplayChat | null {
    if (show.status !== 'ended' || this.deps.commerce.sales.recordingOf(show.id)?.status !== 'ready') return null;
    const timeline = this.timeline(show.id);
    return timeline && replayChat(this.chatStore, timeline, show.id);
  }

  /**
   * The file of a show whose replay is ready and its type, or null: the replay itself, or its MP4
   * rendition once that is complete (never while it is being written).
   */
  videoFile(show: Show, which: 'replay' | 'rendition' = 'replay'): { file: string; mime: string } | null {
    if (show.status !== 'ended' || this.deps.commerce.sales.recordingOf(show.id)?.status !== 'ready') return null;
    if (which === 'rendition') {
      const file = this.deps.renditions.fileOf(show.id);
      return file === null ? null : { file, mime: RENDITION_TYPE.mime };
    }
    const container = replayContainer(this.deps.dataDir, show.id);
    return container && { file: replayFileIn(this.deps.dataDir, show.id, container), mime: REPLAY_CONTAINERS[container].mime };
  }

  /** The watch page's fallback for a WebM replay: its MP4 rendition when ready, `preparing` while queued or encoding. */
  private fallback(showId: string, token: string): ReadyReplay['fallback'] {
    const { state } = this.deps.renditions.stateOf(showId);
    if (state === 'queued' || state === 'encoding') return { state: 'preparing' };
    return state === 'ready' ? { state: 'ready', videoPath: fillPath(REPLAY_ROUTES.replayRenditionVideo, { token }) } : null;
  }

  /** The chapters of a ready replay as the watch page lists them, for the studio's Replays screen; null when not ready. */
  studioChapters(show: Show): { durationSec: number; chapters: ReplayChapter[] } | null {
    if (!this.videoFile(show)) return null;
    const timeline = this.timeline(show.id);
    if (!timeline) return null;
    const { cues } = this.placedCues(show, timeline);
    return { durationSec: timeline.durationSec, chapters: this.chapters(show, timeline, cues) };
  }

  /** The show's firings, and its cues on the replay's seconds as the replay shows them. */
  private placedCues(show: Show, timeline: ReplayTimeline): { firings: Firing[]; cues: ReplayCue[]; liveOffers: boolean } {
    const liveOffers = this.deps.commerce.sales.liveOffersInReplay(show.id);
    const firings = this.firings(show.id);
    const cues: ReplayCue[] = [];
    for (const f of firings) {
      const atSec = replaySecOf(timeline, f.firedAtMs, f.captureMs);
      const op = atSec === null ? null : this.forReplay(show, f.op, liveOffers);
      if (op) cues.push({ atSec: atSec!, firedAtMs: f.firedAtMs, op });
    }
    cues.sort((a, b) => a.atSec - b.atSec); // stable: same second keeps the firing order
    return { firings, cues, liveOffers };
  }

  private ready(show: Show, token: string, timeline: ReplayTimeline): ReadyReplay {
    const { commerce } = this.deps;
    const { firings, cues, liveOffers } = this.placedCues(show, timeline);
    const endedAt = show.endedAt ? Date.parse(show.endedAt) : null;
    return {
      state: 'ready',
      durationSec: timeline.durationSec,
      videoPath: fillPath(REPLAY_ROUTES.replayVideo, { token }),
      container: replayContainer(this.deps.dataDir, show.id) ?? 'webm',
      fallback: this.fallback(show.id, token),
      spans: timeline.parts.map(({ startSec, durationSec, wallStartMs }) => ({ startSec, durationSec, wallStartMs })),
      cues,
      chapters: this.chapters(show, timeline, cues),
      results: replayResults(this.deps.db, show.id, firings, endedAt, (wallMs) => replaySecOf(timeline, wallMs), commerce.catalogs.get(show.id)),
      liveOffers,
    };
  }

  /** The cue as the replay shows it: cards with today's stock; live-only offers only when they hold. */
  private forReplay(show: Show, op: StageOp, liveOffers: boolean): StageOp | null {
    const { commerce } = this.deps;
    if (op.op === 'pin') {
      const pinned = commerce.overlayStage(show.id, { ...EMPTY_STAGE, pinned: op.cards }).pinned;
      return { op: 'pin', cards: pinned.map((c) => ({ ...c, liveSpecial: liveOffers ? (c.liveSpecial ?? null) : null })) };
    }
    if (op.op === 'dropCoupon') return liveOffers && this.couponValid(commerce.catalogs.get(show.id), show.id, op.coupon.couponId) ? op : null;
    return op;
  }

  private couponValid(catalog: ShowCatalog | null, showId: string, couponId: string): boolean {
    const coupon = catalog?.coupons.find((c) => c.id === couponId);
    if (!coupon) return false;
    const now = (this.deps.now ?? Date.now)();
    if (coupon.validUntil !== null && Date.parse(coupon.validUntil) <= now) return false;
    return this.deps.commerce.coupons.claimCount(showId, couponId) < coupon.totalQuota;
  }

  /** The show's fired cues in firing order; stored JSON is parsed again and a bad row is skipped. */
  private firings(showId: string): Firing[] {
    const rows = this.deps.db
      .prepare<[string, number], { fired_at: string; capture_ms: number | null; op: string }>('SELECT fired_at, capture_ms, op FROM cue_firings WHERE show_id = ? ORDER BY stage_version, rowid LIMIT ?')
      .all(showId, MAX_CUES);
    return rows.flatMap((r) => {
      const op = StageOp.safeParse(safeJson(r.op));
      const firedAtMs = Date.parse(r.fired_at);
      if (!op.success || !Number.isFinite(firedAtMs)) return [];
      return [{ firedAtMs, captureMs: r.capture_ms, op: op.data }];
    });
  }

  /** One chapter per segment the host entered, one per product at its first card; a chapter after the video's end is left out. */
  private chapters(show: Show, timeline: ReplayTimeline, cues: readonly ReplayCue[]): ReplayChapter[] {
    const end = timeline.durationSec;
    const segments: ReplayChapter[] = [];
    for (const s of showSegments(this.deps.db, show.id, show.endedAt)) {
      const atSec = replaySecOf(timeline, s.startMs);
      if (atSec === null) continue;
      const endSec = Number.isFinite(s.endMs) ? (replaySecOf(timeline, s.endMs) ?? end) : end;
      segments.push({ kind: 'segment', title: s.title.slice(0, 120), atSec, endSec: Math.max(atSec, endSec), productId: null });
    }
    const products: ReplayChapter[] = [];
    const seen = new Set<string>();
    for (const cue of cues) {
      if (cue.op.op !== 'pin') continue;
      for (const card of cue.op.cards) {
        if (seen.has(card.productId)) continue;
        seen.add(card.productId);
        const next = segments.find((s) => s.atSec > cue.atSec);
        products.push({ kind: 'product', title: card.name, atSec: cue.atSec, endSec: next ? next.atSec : end, productId: card.productId });
      }
    }
    return [...segments, ...products].slice(0, MAX_CHAPTERS);
  }

  /** timeline.json, parsed with its schema once per file version; null (logged) when missing or malformed. */
  private timeline(showId: string): ReplayTimeline | null {
    const file = timelineFile(this.deps.dataDir, showId);
    let version: string;
    try {
      const st = statSync(file);
      version = `${st.mtimeMs}/${st.size}`;
    } catch {
      this.deps.log.warn('replay is ready but its timeline is missing', { showId });
      return null;
    }
    const hit = this.timelines.get(showId);
    if (hit && hit.version === version) return hit.timeline;
    const parsed = ReplayTimeline.safeParse(safeJson(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      this.deps.log.warn('replay timeline does not parse', { showId, error: parsed.error.message.slice(0, 300) });
      return null;
    }
    if (this.timelines.size >= TIMELINE_CACHE) this.timelines.delete(this.timelines.keys().next().value!);
    this.timelines.set(showId, { version, timeline: parsed.data });
    return parsed.data;
  }
}
