import { resultsAtReplaySec, segmentAtReplaySec, stageAtReplaySec, wallMsAtReplaySec, type ReadyReplay, type ReplayChapter, type ReplayResult } from '../../../common/replay/replay-view.js';
import type { Stage } from '../../../common/stage.js';

/** What the replay shows at one position of the video. */
export interface ReplayMoment {
  sec: number;
  /** The relay time `sec` stands for: countdowns run on it, as they ran live. */
  wallMs: number;
  stage: Stage;
  results: ReplayResult[];
  segment: ReplayChapter | null;
}

export function momentAt(replay: ReadyReplay, sec: number): ReplayMoment {
  const s = Number.isFinite(sec) && sec > 0 ? sec : 0;
  return {
    sec: s,
    wallMs: wallMsAtReplaySec(replay.spans, s) ?? 0,
    stage: stageAtReplaySec(replay.cues, replay.spans, s),
    results: resultsAtReplaySec(replay.results, s),
    segment: segmentAtReplaySec(replay.chapters, s),
  };
}

/**
 * Two moments look the same on screen (the page re-renders only when this changes): the same
 * stage contents, results and segment, within the same second (countdowns show whole seconds).
 */
export function sameOnScreen(a: ReplayMoment, b: ReplayMoment): boolean {
  return momentKey(a) === momentKey(b);
}

function momentKey(m: ReplayMoment): string {
  const s = m.stage;
  return [Math.floor(m.sec), s.version, s.pinned.map((c) => c.productId).join(','), s.coupon?.couponId, s.quiz?.quizId, s.poll?.pollId, m.results.map((r) => (r.kind === 'quiz' ? r.quizId : r.pollId)).join(','), m.segment?.atSec].join('|');
}

/** A position in the video as players print it: m:ss, or h:mm:ss past an hour (whole seconds, rounded down). */
export function clockOf(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}
