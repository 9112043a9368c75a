import { describe, expect, it } from 'vitest';
import { effectiveX264, liveX264Options, parseX264Options, X264_DEFAULT_KEYINT } from './obs-encoder.js';

describe('OBS x264 options', () => {
  it('parses space-separated name=value words and bare flags', () => {
    expect([...parseX264Options('  bframes=2  threads=4 no-mbtree ')]).toEqual([['bframes', '2'], ['threads', '4'], ['no-mbtree', '']]);
    expect(parseX264Options('').size).toBe(0);
  });

  it('sets the live options, keeps the seller’s others and derives keyint from the frame rate', () => {
    expect(liveX264Options('threads=4 bframes=3 no-mbtree', 30)).toBe('threads=4 bframes=0 no-mbtree keyint=60 tune=zerolatency');
    expect(liveX264Options('', 60)).toBe('bframes=0 keyint=120 tune=zerolatency');
    expect(liveX264Options('keyint=600 tune=film', 29.97)).toBe('keyint=60 tune=zerolatency bframes=0');
  });

  it('without UseAdvanced the options field is ignored: x264 defaults (B-frames unknown, keyint 250)', () => {
    expect(effectiveX264(false, 'bframes=0 keyint=60')).toEqual({ bframes: null, keyintFrames: X264_DEFAULT_KEYINT });
    expect(effectiveX264(true, 'bframes=0 keyint=60')).toEqual({ bframes: 0, keyintFrames: 60 });
    expect(effectiveX264(true, 'keyint=abc bframes=x')).toEqual({ bframes: null, keyintFrames: X264_DEFAULT_KEYINT });
  });

  it('what it writes reads back as live', () => {
    const written = liveX264Options('bframes=3', 25);
    expect(effectiveX264(true, written)).toEqual({ bframes: 0, keyintFrames: 50 });
  });
});
