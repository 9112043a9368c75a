/**
 * The x264 options OBS must stream with for the relay's WebRTC viewers (docs/obs-studio.md):
 * no B-frames (browsers' WebRTC decoders freeze on reordered frames, and the relay refuses them),
 * a keyframe at least every 2 s (a viewer who joins or loses a packet waits for the next one), and
 * x264's zerolatency tune (no lookahead, no frame threads: OBS's encoder then holds frames for
 * milliseconds, not a second).
 *
 * OBS 29's Simple output mode applies its "x264 options" field only when "Enable Advanced Encoder
 * Settings" (`SimpleOutput.UseAdvanced`) is on; otherwise x264 runs at its defaults: B-frames on
 * (preset veryfast: 3) and a keyframe every 250 frames. Both were read back from OBS's own
 * recordings (ffprobe: 264 B-frames of 358, keyframes at 0 and 252 with the field ignored).
 */
export const LIVE_X264 = { bframes: 0, keyintSeconds: 2, tune: 'zerolatency' } as const;

/** x264's own keyframe interval when nothing sets one (x264 `--keyint` default). */
export const X264_DEFAULT_KEYINT = 250;

/** OBS splits its x264 options on spaces, each `name=value` (a bare name is a flag). */
export function parseX264Options(text: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const eq = word.indexOf('=');
    options.set(eq < 0 ? word : word.slice(0, eq), eq < 0 ? '' : word.slice(eq + 1));
  }
  return options;
}

/** The seller's own options kept, the three live ones set (keyint from the canvas's frame rate). */
export function liveX264Options(current: string, fps: number): string {
  const options = parseX264Options(current);
  options.set('bframes', String(LIVE_X264.bframes));
  options.set('keyint', String(Math.max(1, Math.round(LIVE_X264.keyintSeconds * fps))));
  options.set('tune', LIVE_X264.tune);
  return [...options].map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join(' ');
}

/** What Simple mode's x264 really streams with: the options count only with UseAdvanced on. */
export function effectiveX264(useAdvanced: boolean, optionsText: string): { bframes: number | null; keyintFrames: number } {
  const options = useAdvanced ? parseX264Options(optionsText) : new Map<string, string>();
  const bframes = options.has('bframes') ? Number(options.get('bframes')) : null;
  const keyint = Number(options.get('keyint'));
  return { bframes: Number.isFinite(bframes) ? bframes : null, keyintFrames: Number.isInteger(keyint) && keyint > 0 ? keyint : X264_DEFAULT_KEYINT };
}
