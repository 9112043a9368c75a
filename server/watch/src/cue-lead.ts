/**
 * Keeps cues ahead of their frames on a slow or busy machine (docs/frame-accurate-cues.md, "When
 * cues arrive late"). A cue travels studio → relay → viewer socket while its frame travels
 * encoder → Janus → this page's decoder; StageSync holds a cue until its frame renders, which only
 * works when the cue arrives first. When the data path loses the race (a busy relay, a page whose
 * main thread is starved), the cue is shown over the frame already on screen: late by frames.
 * Each stamped cue's lead at arrival (its capture time − the capture time of the frame on screen)
 * is a measure of that race; when it falls below half a frame, this asks the video for a little more
 * playout delay (the receiver's jitter-buffer target), and gives it back slowly when cues arrive
 * well ahead again. Bounded: never more than MAX_EXTRA_DELAY_MS on top of what WebRTC picks. It
 * outlives a reconnect: what makes cues late (the device, its load) usually does too.
 */

/** What a cue should have in hand when it arrives: half a frame at 30 fps (a cue is on time even at 0; this is for jitter). */
export const CUE_MARGIN_MS = 17;
/** The most latency traded for sync. */
export const MAX_EXTRA_DELAY_MS = 400;
/** Leads beyond margin + this start giving delay back. */
const SLACK_MS = 100;
/** A late cue buys its whole deficit at once; surplus is given back a quarter at a time. */
const GIVE_BACK = 0.25;
const RECENT = 20;

export class CueLead {
  private extra = 0;
  private readonly recent: number[] = [];

  /** The extra playout delay wanted now, ms. */
  get extraDelayMs(): number {
    return this.extra;
  }

  /** Leads seen lately (diagnostics), oldest first. */
  get recentLeads(): readonly number[] {
    return this.recent;
  }

  /** A stamped cue arrived `leadMs` ahead of the frame on screen (negative: its frame has passed). Returns the new extra delay. */
  observe(leadMs: number): number {
    if (!Number.isFinite(leadMs)) return this.extra;
    this.recent.push(leadMs);
    if (this.recent.length > RECENT) this.recent.shift();
    if (leadMs < CUE_MARGIN_MS) this.extra += CUE_MARGIN_MS - leadMs;
    else if (leadMs > CUE_MARGIN_MS + SLACK_MS) this.extra -= (leadMs - CUE_MARGIN_MS - SLACK_MS) * GIVE_BACK;
    this.extra = Math.round(Math.min(MAX_EXTRA_DELAY_MS, Math.max(0, this.extra)));
    return this.extra;
  }
}
