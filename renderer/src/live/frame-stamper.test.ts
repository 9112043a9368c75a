import { describe, expect, it } from 'vitest';
import { RtpCaptureCalibration } from './frame-stamper.js';

describe('RtpCaptureCalibration', () => {
  it('keeps the capture spacing of RTP timestamps and removes encode-delay jitter', () => {
    const cal = new RtpCaptureCalibration();
    // Frames captured every 33.3 ms (3000 ticks at 90 kHz); encode delay 2, 9, 3, 25, 2 ms.
    const delays = [2, 9, 3, 25, 2];
    const out = delays.map((d, i) => cal.captureMsOf(1_000_000 + i * 3000, 5000 + i * (100 / 3) + d));
    // After the first frame the offset has its minimum (2 ms): every stamp is capture + 2 ms exactly.
    out.slice(2).forEach((ms, k) => expect(ms).toBeCloseTo(5000 + (k + 2) * (100 / 3) + 2, 6));
    // A stamp is never later than the moment it was written.
    out.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(5000 + i * (100 / 3) + delays[i]!));
  });

  it('unwraps the 32-bit RTP clock', () => {
    const cal = new RtpCaptureCalibration();
    const before = cal.captureMsOf(2 ** 32 - 1500, 1000);
    const after = cal.captureMsOf(1500, 1000 + 3000 / 90);
    expect(after - before).toBeCloseTo(3000 / 90, 6);
  });

  it('falls back to now without an RTP timestamp', () => {
    expect(new RtpCaptureCalibration().captureMsOf(undefined, 1234.5)).toBe(1234.5);
  });
});
