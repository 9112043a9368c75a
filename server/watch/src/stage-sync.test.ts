import { describe, expect, it } from 'vitest';
import { EMPTY_STAGE, type Stage } from '../../../common/stage.js';
import { MAX_HOLD_MS, StageSync, type PictureMode } from './stage-sync.js';

const v = (version: number): Stage => ({ ...EMPTY_STAGE, version });

/** A StageSync on a fake clock with manual timers. */
function rig(mode: PictureMode = 'stamped', delay = 100, received: number[] = []) {
  let now = 1_000;
  let timer: { at: number; fn: () => void } | null = null;
  const shown: { version: number; frameCaptureMs: number | null }[] = [];
  const leads: number[] = [];
  const env = { mode, delay };
  const sync = new StageSync({
    now: () => now,
    mode: () => env.mode,
    estimatedDelayMs: () => env.delay,
    onShow: (_s, at) => shown.push(at),
    onLead: (ms) => leads.push(ms),
    nextFrameAfter: (ms) => received.filter((r) => r > ms).sort((a, b) => a - b)[0] ?? null,
    setTimer: (fn, ms) => (timer = { at: now + ms, fn }),
    clearTimer: () => (timer = null),
  });
  const advance = (ms: number) => {
    now += ms;
    if (timer && timer.at <= now) {
      const t = timer;
      timer = null;
      t.fn();
    }
  };
  return { sync, shown, env, advance, leads };
}

describe('StageSync', () => {
  it('shows a cue on the first rendered frame whose stamp reaches its capture time', () => {
    const { sync, shown } = rig();
    sync.receive(v(1), 5_000);
    sync.frame(4_966);
    expect(sync.stage.version).toBe(0);
    sync.frame(5_000);
    expect(sync.stage.version).toBe(1);
    expect(shown.at(-1)).toEqual({ version: 1, frameCaptureMs: 5_000 });
  });

  it('reports each stamped cue’s lead over the frame on screen, and none without a stamped picture', () => {
    const { sync, leads, env } = rig();
    sync.receive(v(1), 5_000); // no frame on screen yet: nothing to compare with
    sync.frame(4_900);
    sync.receive(v(2), 5_050);
    sync.frame(5_100);
    sync.receive(v(3), 5_034); // its frame has passed: a negative lead
    sync.receive(v(4), null);
    env.mode = 'unstamped';
    sync.receive(v(5), 6_000);
    expect(leads).toEqual([150, -66]);
  });

  it('shows a cue at once, over the frame on screen, when that frame already reached it', () => {
    const { sync } = rig();
    sync.frame(5_010);
    sync.receive(v(1), 5_000);
    expect(sync.shownAt).toEqual({ version: 1, frameCaptureMs: 5_010 });
    sync.receive(v(2), 5_040); // more than half a frame after the frame on screen: wait for the next
    expect(sync.stage.version).toBe(1);
  });

  it('takes the frame nearest the keypress: from half a (measured) frame before it', () => {
    const { sync } = rig();
    for (let t = 4_000; t <= 4_900; t += 40) sync.frame(t); // 25 fps: half a frame is 20 ms
    sync.frame(4_920);
    sync.receive(v(1), 4_945); // between frames 4_920 and 4_960, nearer to 4_960
    expect(sync.stage.version).toBe(0);
    sync.frame(4_960);
    expect(sync.shownAt).toEqual({ version: 1, frameCaptureMs: 4_960 });
    sync.receive(v(2), 4_960 + 25); // nearer to 5_000 than to 4_960
    expect(sync.stage.version).toBe(1);
    sync.receive(v(3), 5_000 - 19);
    sync.frame(5_000);
    expect(sync.shownAt).toEqual({ version: 3, frameCaptureMs: 5_000 });
  });

  it('with the next frame received, takes the real midpoint between the two frames (uneven spacing)', () => {
    // Frames every 33 ms but one pair only 20 ms apart (a late draw), and one 50 ms apart (a dropped frame).
    const received = [4_967, 5_000, 5_020, 5_070];
    const { sync } = rig('stamped', 100, received);
    for (const t of [4_901, 4_934, 4_967]) sync.frame(t);
    sync.frame(5_000);
    sync.receive(v(1), 5_012); // half a usual frame (16.5) would take it; 5_020 is nearer
    expect(sync.stage.version).toBe(0);
    sync.frame(5_020);
    expect(sync.shownAt).toEqual({ version: 1, frameCaptureMs: 5_020 });
    sync.receive(v(2), 5_043); // past 5_020 + half a frame, but nearer 5_020 than 5_070
    expect(sync.shownAt).toEqual({ version: 2, frameCaptureMs: 5_020 });
    sync.receive(v(3), 5_045); // the midpoint itself: ties go to the earlier frame
    expect(sync.shownAt).toEqual({ version: 3, frameCaptureMs: 5_020 });
    sync.receive(v(4), 5_046);
    expect(sync.stage.version).toBe(3);
    sync.frame(5_070);
    expect(sync.shownAt).toEqual({ version: 4, frameCaptureMs: 5_070 });
  });

  it('keeps only the newest of several due cues, and holds later ones', () => {
    const { sync } = rig();
    sync.receive(v(1), 5_000);
    sync.receive(v(2), 5_033);
    sync.receive(v(3), 5_200);
    sync.frame(5_066);
    expect(sync.shownAt).toEqual({ version: 2, frameCaptureMs: 5_066 });
    expect(sync.pending).toBe(1);
  });

  it('applies a held cue after MAX_HOLD_MS when the video stalls', () => {
    const { sync, advance } = rig();
    sync.receive(v(1), 5_000);
    advance(MAX_HOLD_MS - 1);
    expect(sync.stage.version).toBe(0);
    advance(1);
    expect(sync.shownAt).toEqual({ version: 1, frameCaptureMs: null });
  });

  it('without stamps, waits the estimated video delay', () => {
    const { sync, advance } = rig('unstamped', 150);
    sync.receive(v(1), 5_000);
    advance(149);
    expect(sync.stage.version).toBe(0);
    advance(1);
    expect(sync.stage.version).toBe(1);
  });

  it('an OBS-mode cue (no stamp, held for video) waits this viewer’s own measured delay, and an update after it waits behind it', () => {
    const { sync, env, advance } = rig('unstamped', 240);
    sync.receive(v(1), null, true);
    sync.receive(v(2), null); // a count change: due at once, but never ahead of the held cue
    advance(239);
    expect(sync.stage.version).toBe(0);
    advance(1);
    expect(sync.stage.version).toBe(2);
    // The estimate follows the connection: a later cue uses the delay measured then, capped.
    env.delay = 10_000;
    sync.receive(v(3), null, true);
    advance(MAX_HOLD_MS - 1);
    expect(sync.stage.version).toBe(2);
    advance(1);
    expect(sync.stage.version).toBe(3);
  });

  it('an OBS-mode cue shows at once when there is no picture to wait for', () => {
    const { sync } = rig('none', 240);
    sync.receive(v(1), null, true);
    expect(sync.stage.version).toBe(1);
  });

  it('shows at once with no picture, for captureMs null, and for a welcome', () => {
    const r = rig('none');
    r.sync.receive(v(1), 5_000);
    expect(r.sync.stage.version).toBe(1);
    const s = rig('stamped');
    s.sync.receive(v(1), null);
    expect(s.sync.stage.version).toBe(1);
    s.sync.receive(v(2), 9_000);
    s.sync.reset(v(7));
    expect(s.sync.stage.version).toBe(7);
    expect(s.sync.pending).toBe(0);
  });

  it('never lets an uncaptured update reveal a held cue early', () => {
    const { sync } = rig();
    sync.receive(v(1), 5_000);
    sync.receive(v(2), null); // e.g. a count update carrying v1's card too
    expect(sync.stage.version).toBe(0);
    sync.frame(5_000);
    expect(sync.stage.version).toBe(2);
  });

  it('ignores stale and duplicate versions, and flushes when the picture goes', () => {
    const { sync } = rig();
    sync.reset(v(5));
    sync.receive(v(5), 1);
    sync.receive(v(4), 1);
    expect(sync.pending).toBe(0);
    sync.receive(v(6), 9_000);
    sync.flush();
    expect(sync.shownAt).toEqual({ version: 6, frameCaptureMs: null });
  });
});
