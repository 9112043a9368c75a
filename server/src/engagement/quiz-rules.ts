/**
 * The quiz deadline and winner rules (docs/commerce-api.md, "Quiz deadline";
 * docs/identity-and-fairness.md). Pure: times are relay-clock milliseconds passed in, randomness
 * is injected, so every rule is unit-tested.
 *
 * A viewer's deadline starts when their screen showed the quiz (`shownAt`), because video reaches
 * viewers with different delays; the claim is clamped to [openedAt, openedAt + 3 s], so a viewer
 * can win at most 3 s of extra time. The reaction time that ranks "first N" is measured by the
 * relay alone, from the moment it delivered the quiz to that viewer's socket (QuizDeliveries; the
 * fire time when it has no such moment): `shownAt` is the client's word, and a script that sends
 * its own send time as `shownAt` must not rank first.
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

/**
 * Whether an answer arriving at `arrival` counts, and its reaction time for "first N": from when
 * the relay delivered the quiz to the viewer (`deliveredAt`, relay clock, kept within
 * [openedAt, arrival]), or from the fire time when the relay has no delivery for it.
 */
export function judgeAnswer(round: QuizRound, shownAt: number, arrival: number, deliveredAt: number | null = null): Judgement {
  if (arrival < round.openedAt) return { ok: false };
  const start = clampShownAt(shownAt, round.openedAt, arrival);
  if (arrival > start + effectiveLimitMs(round) + NETWORK_SLACK_MS) return { ok: false };
  const from = deliveredAt === null ? round.openedAt : Math.min(Math.max(deliveredAt, round.openedAt), arrival);
  return { ok: true, reactionMs: arrival - from };
}

export interface CorrectAnswer {
  viewerId: string;
  reactionMs: number;
  /** Relay time the answer arrived (tie-break after equal reaction times). */
  arrivedAt: number;
  /** The network the answer came from (tag); null for answers from before networks were kept. */
  net?: string | null;
}

const networkOf = (a: CorrectAnswer) => a.net ?? `viewer:${a.viewerId}`;

/** An integer in [min, max): crypto.randomInt in production, a fixed sequence in tests. */
export type RandomInt = (min: number, max: number) => number;

/**
 * The winners among the correct answers, at most one per network (one person with many device
 * ids takes at most one prize). 'first': the N smallest reaction times (ties: earlier arrival,
 * then viewer id, so the result is the same however the rows were read), skipping answers from
 * a network that already won. 'draw': N networks picked uniformly at random (partial
 * Fisher–Yates), then one of each network's answers: fifty ids are one ticket, not fifty.
 */
export function pickWinners(rule: 'first' | 'draw', n: number, correct: readonly CorrectAnswer[], randomInt: RandomInt): string[] {
  if (rule === 'first') {
    const won = new Set<string>();
    const winners: string[] = [];
    const ranked = [...correct].sort((a, b) => a.reactionMs - b.reactionMs || a.arrivedAt - b.arrivedAt || (a.viewerId < b.viewerId ? -1 : a.viewerId > b.viewerId ? 1 : 0));
    for (const a of ranked) {
      if (winners.length >= n) break;
      if (won.has(networkOf(a))) continue;
      won.add(networkOf(a));
      winners.push(a.viewerId);
    }
    return winners;
  }
  const byNetwork = new Map<string, string[]>();
  for (const a of correct) {
    const list = byNetwork.get(networkOf(a));
    if (list) list.push(a.viewerId);
    else byNetwork.set(networkOf(a), [a.viewerId]);
  }
  const pool = [...byNetwork.values()];
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = randomInt(i, pool.length);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).map((ids) => (ids.length === 1 ? ids[0]! : ids[randomInt(0, ids.length)]!));
}
