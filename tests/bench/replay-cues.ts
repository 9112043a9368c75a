/**
 * bench:replay's cue offset: the show's cues as the replay on the watch link shows them. For each
 * cue the replay is sought a little before its moment and played; when its card appears (or goes,
 * for a clear), the drawn instant of the frame on screen is read from the pixels. Offset = that
 * instant − the instant of the frame nearest the keypress, as bench:cue-sync measures live.
 */
import type { Page } from 'playwright-core';
import { ReplayInfo } from '../../common/replay/replay-view.js';
import type { ReplayTimeline } from '../../common/replay/timeline.js';
import { fullInstant, installStampReader, nearestDraw } from '../helpers/cue-sync-pages.js';
import { replayCueFrame } from '../helpers/replay-cue-pages.js';

export interface FiredCue {
  /** Capture clock of the keypress. */
  firedAt: number;
  /** The publisher's draw instants around it (taken while the show ran: its buffer is bounded). */
  draws: number[];
  pin: boolean;
}

/** How far before a cue's moment playing starts: long enough to be playing smoothly, never before the previous cue. */
const LEAD_SEC = 1;

export interface ReplayCueResults {
  /** Shown frame − the frame nearest the keypress (ms), per measured cue. */
  offsets: number[];
  /**
   * Shown frame − the frame nearest the keypress among those the video has (ms): the publisher's
   * encoder drops some drawn frames, and a cue fired on one can only show on a neighbour.
   */
  offsetsVsRecorded: number[];
  /** Shown frame − the keypress (ms). */
  afterKeypress: number[];
  /** The video's currentTime − the last presented frame's media time when the card changed (ms): how far the player's clock was ahead of its picture. */
  clockAheadOfFrame: number[];
  /** The last presented frame's media time − the cue's replay second (ms): negative = the card changed before its frame was on screen. */
  frameMinusMoment: number[];
  /** The timeline's capture stamp for the presented frame − the drawn instant in its pixels (ms): ≈ live's stamp_minus_drawn when the timeline's seconds are the file's. */
  timelineStampMinusDrawn: number[];
  /**
   * For each cue off its keypress frame (|offset| ≥ 17 ms): was that frame in the recording (a
   * timeline stamp within 4 ms of its drawn instant + the stamps' bias) and presented by the player?
   * 'recorded, presented' is the replay's own miss; the others are frames the viewer could not see.
   */
  missedFrames: ('not recorded' | 'recorded, not presented' | 'recorded, presented')[];
  missing: number;
  unreadable: number;
}

/** The capture stamp the timeline gives the frame at replay second `sec` (the nearest stamped frame). */
function stampAt(t: ReplayTimeline, sec: number): number | null {
  let best: [number, number] | null = null;
  for (const p of t.parts) for (const f of p.frames) if (!best || Math.abs(f[0] - sec) < Math.abs(best[0] - sec)) best = f;
  return best ? best[1] : null;
}

export async function measureReplayCues(page: Page, watchUrl: string, fired: readonly FiredCue[], timeline: ReplayTimeline): Promise<ReplayCueResults> {
  await page.goto(watchUrl);
  await page.locator('[data-testid="replay-state"][data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.evaluate(installStampReader);
  const token = new URL(watchUrl).pathname.split('/w/')[1]!;
  const info = ReplayInfo.parse(await page.evaluate(async (t) => (await fetch(`/api/watch/${t}/replay`)).json(), token));
  if (info.state !== 'ready') throw new Error(`the replay is ${info.state}`);
  if (info.cues.length !== fired.length) throw new Error(`the replay has ${info.cues.length} cues, ${fired.length} were fired`);
  const res: ReplayCueResults = { offsets: [], offsetsVsRecorded: [], afterKeypress: [], clockAheadOfFrame: [], frameMinusMoment: [], timelineStampMinusDrawn: [], missedFrames: [], missing: 0, unreadable: 0 };
  const stamps = timeline.parts.flatMap((p) => p.frames.map((f) => f[1]));
  for (let i = 0; i < fired.length; i++) {
    const f = fired[i]!;
    const at = info.cues[i]!.atSec;
    const prev = i > 0 ? info.cues[i - 1]!.atSec : 0;
    const fromSec = Math.max(0, at - Math.min(LEAD_SEC, (at - prev) / 2));
    const r = await page.evaluate(replayCueFrame, { fromSec, pinned: f.pin, timeoutMs: 5000 + LEAD_SEC * 1000 });
    if (!r || r.before === f.pin) {
      res.missing++;
      continue;
    }
    if (r.pixelLo === null) {
      res.unreadable++;
      continue;
    }
    const shownAt = fullInstant(r.pixelLo, f.firedAt);
    const reference = nearestDraw(f.draws, f.firedAt);
    res.offsets.push(Math.round(shownAt - reference));
    // Among the frames presented while the replay played through the cue (the shown one included).
    const recorded = [shownAt, ...r.presentedLo.map((lo) => fullInstant(lo, f.firedAt))];
    if (Math.abs(shownAt - reference) >= 17) {
      // The stamps sit about 1 ms after the drawn instants (stamp_minus_drawn); 4 ms either side is well inside a frame.
      const inFile = stamps.some((st) => Math.abs(st - reference - 1) <= 4);
      const presented = recorded.some((d) => Math.abs(d - reference) < 1);
      res.missedFrames.push(!inFile ? 'not recorded' : presented ? 'recorded, presented' : 'recorded, not presented');
    }
    res.offsetsVsRecorded.push(Math.round(shownAt - nearestDraw(recorded, f.firedAt)));
    res.afterKeypress.push(Math.round(shownAt - f.firedAt));
    if (r.frameSec !== null) {
      res.clockAheadOfFrame.push(Math.round((r.videoSec - r.frameSec) * 1000));
      res.frameMinusMoment.push(Math.round((r.frameSec - at) * 1000));
      const stamp = stampAt(timeline, r.frameSec);
      if (stamp !== null) res.timelineStampMinusDrawn.push(Math.round(stamp - shownAt));
    }
  }
  return res;
}
