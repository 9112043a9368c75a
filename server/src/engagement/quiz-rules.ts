/**
 * The quiz deadline and winner rules (docs/commerce-api.md, "Quiz deadline"). Pure: times are
 * relay-clock milliseconds passed in, randomness is injected, so every rule is unit-tested.
 *
 * A viewer's clock starts when their screen showed the quiz (`shownAt`), because video reaches
 * viewers with different delays. The claim is clamped to [openedAt, openedAt + 3 s]: nobody can
 * claim to have seen it before it opened, and a viewer can win at most 3 s of extra time.
 */
export const SHOWN_AT_WINDOW_MS = 3000;
/** Time an answer may spend in the network after the viewer's own deadline. */
export const NETWORK_SLACK_MS = 1000;

export interface QuizRound {
  openedAt: number;
  /** The time limit the host set (the openQuiz cue's duration). */
  limitMs: number;
  /** When a closeQuiz (or another openQuiz) cue ended it early; null when it ran its time. */
  closedAt: number | null;
}

/**
 * The time every viewer gets: the full limit, or, when the host closed it early, as long as it
 * ran on the host's screen. Each viewer's own video then shows the close that much after their
 * own start, so an early close is as fair as a natural one.
 */
export function effectiveLimitMs(round: QuizRound): number {
  if (round.closedAt === null) return round.limitMs;
  return Math.max(0, Math.min(round.limitMs, round.closedAt - round.openedAt));
}

/** The moment the last acceptable answer can have arrived: the quiz is decided then. */
export function decideAtMs(round: QuizRound): number {
  return round.openedAt + SHOWN_AT_WINDOW_MS + effectiveLimitMs(round) + NETWORK_SLACK_MS;
}

/**
 * `shownAt` clamped to [openedAt, openedAt + 3 s]. A claim later than the answer's own arrival
 * is impossible for an honest screen (it is a forged or broken clock) and earns nothing: it
 * counts as `openedAt`, the slowest start, so reporting a future time never ranks a viewer higher.
 */
export function clampShownAt(shownAt: number, openedAt: number, arrival: number): number {
  if (shownAt > arrival) return openedAt;
  return Math.min(Math.max(shownAt, openedAt), openedAt + SHOWN_AT_WINDOW_MS);
}

export type Judgement = { ok: true; reactionMs: number } | { ok: false };

/** Whether an answer arriving at `arrival` counts, and its reaction time for "first N". */
export function judgeAnswer(round: QuizRound, shownAt: number, arrival: number): Judgement {
  if (arrival < round.openedAt) return { ok: false };
  const start = clampShownAt(shownAt, round.openedAt, arrival);
  if (arrival > start + effectiveLimitMs(round) + NETWORK_SLACK_MS) return { ok: false };
  return { ok: true, reactionMs: arrival - start };
}

export interface CorrectAnswer {
  viewerId: string;
  reactionMs: number;
  /** Relay time the answer arrived (tie-break after equal reaction times). */
  arrivedAt: number;
}

/** An integer in [min, max): crypto.randomInt in production, a fixed sequence in tests. */
export type RandomInt = (min: number, max: number) => number;

/**
 * The winners among the correct answers. 'first': the N smallest reaction times (ties: earlier
 * arrival, then viewer id, so the result is the same however the rows were read). 'draw': N
 * picked uniformly at random (partial Fisher–Yates).
 */
export function pickWinners(rule: 'first' | 'draw', n: number, correct: readonly CorrectAnswer[], randomInt: RandomInt): string[] {
  if (rule === 'first') {
    return [...correct]
      .sort((a, b) => a.reactionMs - b.reactionMs || a.arrivedAt - b.arrivedAt || (a.viewerId < b.viewerId ? -1 : a.viewerId > b.viewerId ? 1 : 0))
      .slice(0, n)
      .map((a) => a.viewerId);
  }
  const pool = correct.map((a) => a.viewerId);
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = randomInt(i, pool.length);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}
