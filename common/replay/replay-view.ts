import { z } from 'zod';
import { Id } from '../commerce/catalog.js';
import { ChatMessage } from '../protocol/chat.js';
import { applyStageOp, EMPTY_STAGE, expireStage, StageOp, type Stage } from '../stage.js';
import { replaySecAtCapture, replaySecAtWall, type ReplayTimeline } from './timeline.js';

/**
 * What the watch page needs to play a show's replay (docs/replay.md, "Player"): where the video
 * is, the host's cues placed on the replay's own seconds, chapters, and quiz and poll results.
 * What is on screen at replay second t is `stageAtReplaySec`: the live stage reducer
 * (common/stage.ts) run over the cues up to t, expired at the relay time t stands for.
 */
const Sec = z.number().finite().min(0).max(24 * 3600);
const Question = z.string().max(200);
const Choices = z.array(z.string().max(80)).min(2).max(4);

/** A part of the replay without its frames: enough to turn replay seconds back into relay time. */
export const ReplaySpan = z.object({ startSec: Sec, durationSec: Sec, wallStartMs: z.number().finite() });
export type ReplaySpan = z.infer<typeof ReplaySpan>;

export const ReplayCue = z.object({
  /** The replay second the cue takes effect on (its stamped frame, else its relay time). */
  atSec: Sec,
  /** Relay clock when the host fired it: a drop's, quiz's or poll's end counts from here, as live. */
  firedAtMs: z.number().finite(),
  op: StageOp,
});
export type ReplayCue = z.infer<typeof ReplayCue>;

/** "Jump to": a run-down segment as the host went through it, or the first moment a product was shown. */
export const ReplayChapter = z.object({
  kind: z.enum(['segment', 'product']),
  title: z.string().max(120),
  atSec: Sec,
  /** Where the segment (for a product: the segment it was shown in) ends. */
  endSec: Sec,
  productId: Id.nullable(),
});
export type ReplayChapter = z.infer<typeof ReplayChapter>;

export const ReplayResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quiz'), quizId: Id, atSec: Sec, question: Question, choices: Choices, correctIndex: z.number().int().min(0).max(3), answers: z.number().int().min(0), winners: z.number().int().min(0) }),
  z.object({ kind: z.literal('poll'), pollId: Id, atSec: Sec, question: Question, choices: Choices, counts: z.array(z.number().int().min(0)).max(4) }),
]);
export type ReplayResult = z.infer<typeof ReplayResult>;

/**
 * The replay's container, by what the show was broadcast with (no video re-encode either way,
 * docs/replay.md): the studio camera's VP8 in WebM; OBS's H.264 in MP4 (its Opus audio to AAC,
 * which every MP4 player has). `canPlay` is what the watch page asks its <video> before playing.
 */
export const REPLAY_CONTAINERS = {
  webm: { file: 'replay.webm', mime: 'video/webm', canPlay: 'video/webm; codecs="vp8, opus"' },
  mp4: { file: 'replay.mp4', mime: 'video/mp4', canPlay: 'video/mp4; codecs="avc1.64001F, mp4a.40.2"' },
} as const;
export type ReplayContainer = keyof typeof REPLAY_CONTAINERS;
export const ReplayContainer = z.enum(['webm', 'mp4']);

/**
 * The MP4 rendition of a camera show's replay (docs/replay.md, "MP4 rendition"): H.264 + AAC,
 * re-encoded in the background after the WebM is ready, for browsers that cannot play VP8 WebM
 * (iPhone Safari before iOS 17.4). A fallback only: the WebM stays the replay. `none`: no rendition
 * is made (an OBS show's replay is MP4 already, no replay, or renditions are turned off).
 */
export const RenditionState = z.enum(['none', 'queued', 'encoding', 'ready', 'failed']);
export type RenditionState = z.infer<typeof RenditionState>;
export const ReplayRendition = z.object({
  state: RenditionState,
  progress: z.number().min(0).max(1),
  /** Why the encode failed, when it did. */
  error: z.string().max(500).nullable(),
});
export type ReplayRendition = z.infer<typeof ReplayRendition>;
export const NO_RENDITION: ReplayRendition = { state: 'none', progress: 0, error: null };
/** The rendition's type for `<source type>` and `canPlayType`: the same H.264 High + AAC-LC MP4 as an OBS replay. */
export const RENDITION_TYPE = REPLAY_CONTAINERS.mp4;

export const ReplayInfo = z.discriminatedUnion('state', [
  /** Not ended yet, never recorded, or the recording could not be made. */
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('processing'), progress: z.number().min(0).max(1) }),
  z.object({ state: z.literal('deleted') }),
  z.object({
    state: z.literal('ready'),
    durationSec: Sec,
    /** Same-origin path of the video (byte ranges). */
    videoPath: z.string().startsWith('/api/watch/').max(1200),
    container: ReplayContainer,
    /**
     * The MP4 rendition of a WebM replay, for a browser that cannot play the WebM: `preparing`
     * while it is queued or encoding, `ready` with its path; null when none is coming.
     */
    fallback: z
      .discriminatedUnion('state', [z.object({ state: z.literal('preparing') }), z.object({ state: z.literal('ready'), videoPath: z.string().startsWith('/api/watch/').max(1200) })])
      .nullable(),
    spans: z.array(ReplaySpan).max(10_000),
    cues: z.array(ReplayCue).max(5_000),
    chapters: z.array(ReplayChapter).max(2_000),
    results: z.array(ReplayResult).max(500),
    /** The seller lets live-only prices and coupons hold in the replay (recording_settings). */
    liveOffers: z.boolean(),
  }),
]);
export type ReplayInfo = z.infer<typeof ReplayInfo>;
export type ReadyReplay = Extract<ReplayInfo, { state: 'ready' }>;

/**
 * The show's chat as the replay shows it: the messages everyone could see (never deleted, hidden,
 * held or rejected ones), each at the replay second it was posted. At most the last
 * REPLAY_CHAT_MAX of a show (a phone loads it whole).
 */
export const REPLAY_CHAT_MAX = 5_000;
export const ReplayChatLine = z.object({ atSec: Sec, message: ChatMessage });
export type ReplayChatLine = z.infer<typeof ReplayChatLine>;
export const ReplayChat = z.object({ lines: z.array(ReplayChatLine).max(REPLAY_CHAT_MAX) });
export type ReplayChat = z.infer<typeof ReplayChat>;

/** How long a quiz's or poll's result stays up after its moment, as the live page shows it. */
export const RESULT_SHOWN_SEC = 20;

/**
 * Where a relay-clock instant (and, when stamped, a capture instant) falls in the replay: the
 * stamped frame first, else the wall clock; before the recording began → 0 (it was on screen when
 * the recording started); in a gap between parts → the next part's start; after the end → null.
 */
export function replaySecOf(t: ReplayTimeline, wallMs: number, captureMs: number | null = null): number | null {
  const stamped = captureMs === null ? null : replaySecAtCapture(t, captureMs);
  if (stamped !== null) return stamped;
  const byWall = replaySecAtWall(t, wallMs);
  if (byWall !== null) return byWall;
  const next = t.parts.find((p) => p.wallStartMs > wallMs);
  return next ? next.startSec : null;
}

/** The relay time a replay second stands for (the part that holds it; before any part, the first). */
export function wallMsAtReplaySec(spans: readonly ReplaySpan[], sec: number): number | null {
  let span: ReplaySpan | undefined;
  for (const s of spans) if (s.startSec <= sec) span = s;
  span ??= spans[0];
  return span ? span.wallStartMs + (sec - span.startSec) * 1000 : null;
}

/**
 * How far a frame's media time may fall short of the timeline's second for the same frame and
 * still be that frame: the timeline sums part offsets and ticks in floating point, the container
 * keeps whole milliseconds, so the two can differ by a hair either way. Compared exactly, a cue
 * whose second came out a hair above its frame's waited for the next frame (bench:replay: a third
 * of the cues one frame late). Far below half a frame at any frame rate a camera sends.
 */
export const FRAME_MATCH_SEC = 0.002;

/** What the host had on screen at replay second `sec`: the cues up to it, as the live relay applied them. */
export function stageAtReplaySec(cues: readonly ReplayCue[], spans: readonly ReplaySpan[], sec: number): Stage {
  let stage = EMPTY_STAGE;
  for (const cue of cues) {
    if (cue.atSec > sec + FRAME_MATCH_SEC) break;
    const r = applyStageOp(stage, cue.op, cue.firedAtMs);
    // Refused ops (closing a drop the replay leaves out) change nothing, as live.
    if (r.ok) stage = r.stage;
  }
  const wall = wallMsAtReplaySec(spans, sec);
  return wall === null ? stage : expireStage(stage, wall);
}

/** Quiz and poll results on screen at `sec` (for RESULT_SHOWN_SEC after their moment). */
export function resultsAtReplaySec(results: readonly ReplayResult[], sec: number): ReplayResult[] {
  return results.filter((r) => r.atSec <= sec && sec < r.atSec + RESULT_SHOWN_SEC);
}

/** The segment chapter playing at `sec`, or null before the first. */
export function segmentAtReplaySec(chapters: readonly ReplayChapter[], sec: number): ReplayChapter | null {
  let found: ReplayChapter | null = null;
  for (const c of chapters) if (c.kind === 'segment' && c.atSec <= sec) found = c;
  return found;
}
