import { describe, expect, it } from 'vitest';
import { clampShownAt, decideAtMs, effectiveLimitMs, judgeAnswer, pickWinners, type CorrectAnswer } from './quiz-rules.js';

const OPEN = 1_000_000;
const round = { openedAt: OPEN, limitMs: 10_000, closedAt: null };

describe('quiz deadline', () => {
  it('accepts an answer within the time limit plus network slack of an on-time screen', () => {
    expect(judgeAnswer(round, OPEN, OPEN + 10_900)).toEqual({ ok: true, reactionMs: 10_900 });
    expect(judgeAnswer(round, OPEN, OPEN + 11_000)).toEqual({ ok: true, reactionMs: 11_000 });
    expect(judgeAnswer(round, OPEN, OPEN + 11_001)).toEqual({ ok: false });
  });

  it('gives a viewer whose video is late their full time, up to 3 s late', () => {
    // Screen showed the quiz 2.5 s after it opened: the deadline moves by 2.5 s; the reaction time is the relay's, from the fire time.
    expect(judgeAnswer(round, OPEN + 2_500, OPEN + 13_000)).toEqual({ ok: true, reactionMs: 13_000 });
    expect(judgeAnswer(round, OPEN + 2_500, OPEN + 13_501)).toEqual({ ok: false });
  });

  it('clamps shownAt to [openedAt, openedAt + 3 s]', () => {
    expect(clampShownAt(OPEN - 5_000, OPEN, OPEN + 1_000)).toBe(OPEN);
    expect(clampShownAt(OPEN + 1_200, OPEN, OPEN + 5_000)).toBe(OPEN + 1_200);
    expect(clampShownAt(OPEN + 9_000, OPEN, OPEN + 12_000)).toBe(OPEN + 3_000);
    // A 9 s "late video" claim buys at most 3 s: the answer at +14.5 s is too late.
    expect(judgeAnswer(round, OPEN + 9_000, OPEN + 14_500)).toEqual({ ok: false });
  });

  it('gives a forged shownAt no advantage: the reaction time runs from the relay’s fire time', () => {
    // A script sends shownAt = its own send time, a moment before the answer arrives.
    const forged = judgeAnswer(round, OPEN + 1_999, OPEN + 2_000);
    const honest = judgeAnswer(round, OPEN + 300, OPEN + 1_500);
    expect(forged).toEqual({ ok: true, reactionMs: 2_000 });
    expect(honest).toEqual({ ok: true, reactionMs: 1_500 });
    expect(pickWinners('first', 1, [
      { viewerId: 'script', reactionMs: 2_000, arrivedAt: OPEN + 2_000, net: 'n-script' },
      { viewerId: 'person', reactionMs: 1_500, arrivedAt: OPEN + 1_500, net: 'n-person' },
    ], () => 0)).toEqual(['person']);
    expect(judgeAnswer(round, OPEN + 60_000, OPEN + 800)).toEqual({ ok: true, reactionMs: 800 });
  });

  it('ranks from when the relay delivered the quiz to that viewer, kept within [openedAt, arrival]', () => {
    // Written to this viewer's socket 40 ms after the fire (a busier worker): those 40 ms are not the viewer's.
    expect(judgeAnswer(round, OPEN + 500, OPEN + 1_540, OPEN + 40)).toEqual({ ok: true, reactionMs: 1_500 });
    // No delivery known (joined after the opening, or a restart): the fire time.
    expect(judgeAnswer(round, OPEN + 500, OPEN + 1_540, null)).toEqual({ ok: true, reactionMs: 1_540 });
    // A delivery time outside the round (clock oddities) never makes a reaction negative or longer than since the fire.
    expect(judgeAnswer(round, OPEN, OPEN + 1_000, OPEN + 5_000)).toEqual({ ok: true, reactionMs: 0 });
    expect(judgeAnswer(round, OPEN, OPEN + 1_000, OPEN - 5_000)).toEqual({ ok: true, reactionMs: 1_000 });
    // The deadline still follows shownAt, not the delivery.
    expect(judgeAnswer(round, OPEN, OPEN + 11_500, OPEN + 100)).toEqual({ ok: false });
  });

  it('never accepts an answer from before the quiz opened', () => {
    expect(judgeAnswer(round, OPEN - 10, OPEN - 1)).toEqual({ ok: false });
  });

  it('shortens everyone’s time to what ran on the host’s screen when the host closes early', () => {
    const early = { openedAt: OPEN, limitMs: 30_000, closedAt: OPEN + 4_000 };
    expect(effectiveLimitMs(early)).toBe(4_000);
    expect(judgeAnswer(early, OPEN + 2_000, OPEN + 6_900).ok).toBe(true);
    expect(judgeAnswer(early, OPEN + 2_000, OPEN + 7_100).ok).toBe(false);
    expect(decideAtMs(early)).toBe(OPEN + 4_000 + 3_000 + 1_000);
    expect(decideAtMs(round)).toBe(OPEN + 10_000 + 4_000);
    // A close "after" the end (clock or replay oddities) never extends the limit.
    expect(effectiveLimitMs({ openedAt: OPEN, limitMs: 5_000, closedAt: OPEN + 9_000 })).toBe(5_000);
  });
});

describe('winners', () => {
  const answers: CorrectAnswer[] = [
    { viewerId: 'slow-stream-fast-finger', reactionMs: 900, arrivedAt: OPEN + 3_900 },
    { viewerId: 'fast-stream-slow-finger', reactionMs: 2_000, arrivedAt: OPEN + 2_000 },
    { viewerId: 'b-tie', reactionMs: 1_500, arrivedAt: OPEN + 1_500 },
    { viewerId: 'a-tie', reactionMs: 1_500, arrivedAt: OPEN + 1_500 },
    { viewerId: 'earlier-tie', reactionMs: 1_500, arrivedAt: OPEN + 1_400 },
  ];

  it("'first' ranks by reaction time, not raw arrival, with a stable tie-break", () => {
    expect(pickWinners('first', 3, answers, () => 0)).toEqual(['slow-stream-fast-finger', 'earlier-tie', 'a-tie']);
    expect(pickWinners('first', 10, answers, () => 0)).toHaveLength(5);
    expect(pickWinners('first', 2, [], () => 0)).toEqual([]);
  });

  it("'draw' picks N distinct viewers among the given (correct) answers using the random source", () => {
    const ids = answers.map((a) => a.viewerId);
    // randomInt(i, len) → always the last: deterministic picks.
    const picked = pickWinners('draw', 2, answers, (_min, max) => max - 1);
    expect(picked).toHaveLength(2);
    expect(new Set(picked).size).toBe(2);
    for (const p of picked) expect(ids).toContain(p);
    expect(picked[0]).toBe('earlier-tie');
    // Fewer correct answers than winners: everyone correct wins.
    expect(pickWinners('draw', 9, answers.slice(0, 2), (min) => min).sort()).toEqual(['fast-stream-slow-finger', 'slow-stream-fast-finger']);
  });

  it('gives one network at most one prize, however many device ids answered from it', () => {
    const script = Array.from({ length: 50 }, (_, i) => ({ viewerId: `bot-${String(i).padStart(2, '0')}`, reactionMs: 10 + i, arrivedAt: OPEN + 10 + i, net: 'n-script' }));
    const people = [
      { viewerId: 'p1', reactionMs: 900, arrivedAt: OPEN + 900, net: 'n1' },
      { viewerId: 'p2', reactionMs: 1_100, arrivedAt: OPEN + 1_100, net: 'n2' },
      { viewerId: 'p3', reactionMs: 1_300, arrivedAt: OPEN + 1_300, net: null },
    ];
    expect(pickWinners('first', 3, [...script, ...people], () => 0)).toEqual(['bot-00', 'p1', 'p2']);
    for (let k = 0; k < 20; k++) {
      let seed = k + 1;
      const rand = (min: number, max: number) => min + ((seed = (seed * 48271) % 2147483647) % (max - min));
      const drawn = pickWinners('draw', 3, [...script, ...people], rand);
      expect(drawn).toHaveLength(3);
      expect(drawn.filter((w) => w.startsWith('bot-')).length).toBeLessThanOrEqual(1);
    }
  });

  it("'draw' reaches every correct viewer over many draws (no one is left out)", () => {
    const seen = new Set<string>();
    let seed = 7;
    const rand = (min: number, max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return min + (seed % (max - min));
    };
    for (let i = 0; i < 200; i++) for (const w of pickWinners('draw', 1, answers, rand)) seen.add(w);
    expect(seen.size).toBe(answers.length);
  });
});
