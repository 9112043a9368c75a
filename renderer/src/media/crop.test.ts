import { describe, expect, it } from 'vitest';
import { centreCrop, PORTRAIT_ASPECT } from './crop.js';

describe('centre crop to 9:16', () => {
  it('cuts the middle of a 1280×720 camera frame to a full-height portrait', () => {
    // 720 × 9/16 = 405 → 404 (even); (1280 − 404) / 2 = 438.
    expect(centreCrop(1280, 720, PORTRAIT_ASPECT)).toEqual({ x: 438, y: 0, width: 404, height: 720 });
  });

  it('keeps every rectangle inside the frame, centred and on even pixels', () => {
    for (const [w, h] of [
      [640, 480],
      [1920, 1080],
      [641, 361],
      [960, 540],
      [320, 180],
      [1080, 1920],
      [720, 720],
      [3, 7],
    ] as const) {
      const r = centreCrop(w, h, PORTRAIT_ASPECT);
      expect(r.x % 2 + r.y % 2 + r.width % 2 + r.height % 2).toBe(0);
      expect(r.x + r.width).toBeLessThanOrEqual(w);
      expect(r.y + r.height).toBeLessThanOrEqual(h);
      expect(Math.abs(r.x - (w - r.x - r.width))).toBeLessThanOrEqual(3);
      expect(Math.abs(r.y - (h - r.y - r.height))).toBeLessThanOrEqual(3);
      if (w >= 16 && h >= 16) expect(Math.abs(r.width / r.height - PORTRAIT_ASPECT)).toBeLessThan(0.02);
    }
  });

  it('loses top and bottom, not the sides, when the frame is already taller than 9:16', () => {
    expect(centreCrop(1080, 2400, PORTRAIT_ASPECT)).toEqual({ x: 0, y: 240, width: 1080, height: 1920 });
    // Exactly 9:16: untouched.
    expect(centreCrop(1080, 1920, PORTRAIT_ASPECT)).toEqual({ x: 0, y: 0, width: 1080, height: 1920 });
  });

  it('refuses an empty frame instead of producing a zero-size crop', () => {
    expect(() => centreCrop(0, 720, PORTRAIT_ASPECT)).toThrow(RangeError);
    expect(() => centreCrop(1280, Number.NaN, PORTRAIT_ASPECT)).toThrow(RangeError);
  });
});
