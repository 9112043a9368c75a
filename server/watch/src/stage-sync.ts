import { EMPTY_STAGE, type Stage } from '../../../common/stage.js';

/** The frame on which the displayed stage was first shown (frameCaptureMs null: not applied by a stamped frame). */
export interface ShownAt {
  version: number;
  frameCaptureMs: number | null;
}

/**
 * How the picture stands when a cue arrives:
 * - none: no picture (reconnecting, nothing playing) → show at once;
 * - stamped: rendered frames carry capture stamps → hold until a frame reaches the cue;
 * - unstamped: frames flow but we cannot read their capture time → hold for the estimated video delay.
 */
export type PictureMode = 'none' | 'stamped' | 'unstamped';

export interface StageSyncDeps {
  /** Monotonic ms (performance.now in the page). */
  now(): number;
  mode(): PictureMode;
  /** Current estimate of how far the picture lags the data channel, in ms. */
  estimatedDelayMs(): number;
  onShow(stage: Stage, shownAt: ShownAt): void;
  /** A stamped cue arrived `leadMs` ahead of the frame on screen (negative: after its frame; cue-lead.ts). */
  onLead?(leadMs: number): void;
  /** The capture stamp of the next frame received after the one stamped `captureMs` (null: none yet). */
  nextFrameAfter?(captureMs: number): number | null;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** No cue waits longer than this, whatever the video does (stalled, stamps gone, tab hidden). */
export const MAX_HOLD_MS = 2_000;
/** Frame interval assumed until stamps tell (30 fps). */
const DEFAULT_FRAME_MS = 1000 / 30;
const INTERVALS = 15;
/** Frames further apart than this (5 fps) are not neighbours whose midpoint decides a cue. */
const MAX_NEIGHBOUR_MS = 200;

interface Held {
  stage: Stage;
  captureMs: number | null;
  /** Shown by this time (monotonic ms) even if no frame reached it. */
  dueAt: number;
}

/**
 * Holds stage updates until the video shows the moment they were fired on.
 *
 * Every stage message is a whole snapshot, so updates are applied strictly in order: an update is
 * due when its frame has rendered (or its deadline passed) *and* every earlier one is due; of the
 * due prefix only the newest is shown (the older ones are contained in it). An update without a
 * capture time (expiry, counts) is due at once, but still waits behind an earlier held cue, so it
 * can never reveal that cue ahead of its frame.
 */
export class StageSync {
  private displayed: Stage = EMPTY_STAGE;
  private shown: ShownAt = { version: EMPTY_STAGE.version, frameCaptureMs: null };
  private held: Held[] = [];
  /** Stamp of the frame on screen now (null: unstamped or none yet). */
  private onScreen: number | null = null;
  /** Recent intervals between stamped frames, to know what "half a frame" is. */
  private intervals: number[] = [];
  private timer: unknown = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: StageSyncDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get stage(): Stage {
    return this.displayed;
  }

  get shownAt(): ShownAt {
    return this.shown;
  }

  /** Updates waiting for their frame (diagnostics). */
  get pending(): number {
    return this.held.length;
  }

  /** The relay's full current stage (welcome): shown at once, anything held is superseded. */
  reset(stage: Stage): void {
    this.held = [];
    this.show(stage, null);
    this.schedule();
  }

  /**
   * A stage update from the relay; `captureMs` is the studio capture time it belongs to.
   * `holdForVideo`: unstamped, but it belongs to the picture arriving at the relay now (OBS mode).
   */
  receive(stage: Stage, captureMs: number | null, holdForVideo = false): void {
    const newest = this.held.at(-1)?.stage.version ?? this.displayed.version;
    if (stage.version <= newest) return; // a duplicate or an older snapshot
    const now = this.deps.now();
    const mode = this.deps.mode();
    let dueAt = now;
    if (captureMs !== null && mode === 'stamped') dueAt = now + MAX_HOLD_MS;
    else if ((captureMs !== null || holdForVideo) && mode !== 'none') dueAt = now + Math.min(MAX_HOLD_MS, Math.max(0, this.deps.estimatedDelayMs()));
    if (mode === 'none') {
      this.held = [];
      this.show(stage, null);
      return this.schedule();
    }
    if (captureMs !== null && mode === 'stamped' && this.onScreen !== null) this.deps.onLead?.(captureMs - this.onScreen);
    this.held.push({ stage, captureMs, dueAt });
    // The frame it belongs to may already be on screen (the stamp is late, or the data was): show it now, over that frame.
    this.settle(mode === 'stamped' ? this.onScreen : null);
  }

  /** A frame was rendered; `captureMs` is its studio capture stamp, null when it carries none. */
  frame(captureMs: number | null): void {
    const gap = captureMs !== null && this.onScreen !== null ? captureMs - this.onScreen : 0;
    if (gap > 0 && gap < 1000) this.intervals = [...this.intervals.slice(1 - INTERVALS), gap];
    this.onScreen = captureMs;
    if (this.held.length) this.settle(captureMs);
  }

  /** The picture is gone (reconnecting, show over): nothing to wait for, show everything now. */
  flush(): void {
    const last = this.held.at(-1);
    this.held = [];
    if (last) this.show(last.stage, null);
    this.schedule();
  }

  stop(): void {
    this.held = [];
    this.schedule();
  }

  /**
   * Up to where a frame reaches. The studio stamps a cue with the instant the host fired, which falls
   * between two captured frames; the frame nearest to it is the one "being captured" then. So a frame
   * reaches every cue up to the midpoint between it and the next frame (ties to the earlier, as the
   * replay's timeline). The next frame is usually received already (the jitter buffer holds it);
   * when it is not, half the usual interval stands in. The frames' spacing is not even on a busy
   * studio (a late draw, a frame the encoder dropped), where half a median interval misplaces the
   * boundary (bench:cue-sync with 4 spinning processes: 86.7 → 92.5 % on the exact frame).
   */
  private reach(frameCaptureMs: number): number {
    const next = this.deps.nextFrameAfter?.(frameCaptureMs) ?? null;
    // A "next" frame far away is a gap in the stream (a stall, a reconnect), not a neighbour.
    if (next !== null && next > frameCaptureMs && next - frameCaptureMs <= MAX_NEIGHBOUR_MS) return (frameCaptureMs + next) / 2;
    return frameCaptureMs + this.tolerance();
  }

  /** Half a frame (see `reach`), from the recent intervals between rendered frames. */
  private tolerance(): number {
    const sorted = [...this.intervals].sort((a, b) => a - b);
    const frame = sorted.length >= 3 ? sorted[Math.floor(sorted.length / 2)]! : DEFAULT_FRAME_MS;
    return Math.min(frame, 100) / 2;
  }

  private settle(frameCaptureMs: number | null): void {
    const now = this.deps.now();
    const reach = frameCaptureMs === null ? null : this.reach(frameCaptureMs);
    let k = -1;
    for (let i = 0; i < this.held.length; i++) {
      const h = this.held[i]!;
      const reached = h.captureMs !== null && reach !== null && reach >= h.captureMs;
      if (!reached && h.dueAt > now) break;
      k = i;
    }
    if (k >= 0) {
      const entry = this.held[k]!;
      this.held = this.held.slice(k + 1);
      this.show(entry.stage, frameCaptureMs);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const head = this.held[0];
    if (!head) return;
    this.timer = this.setTimer(
      () => {
        this.timer = null;
        this.settle(null);
      },
      Math.max(0, head.dueAt - this.deps.now()),
    );
  }

  private show(stage: Stage, frameCaptureMs: number | null): void {
    this.displayed = stage;
    this.shown = { version: stage.version, frameCaptureMs };
    this.deps.onShow(stage, this.shown);
  }
}
