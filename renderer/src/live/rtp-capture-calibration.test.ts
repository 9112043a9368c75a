import { describe, expect, it } from 'vitest';
import { CALIBRATION_WINDOW_MS, RtpCaptureCalibration } from './rtp-capture-calibration.js';

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

  it('forgets the fast first frames of a stream once they leave the window', () => {
    const cal = new RtpCaptureCalibration();
    const frame = 100 / 3;
    const at = (i: number, delay: number) => cal.captureMsOf(90_000 + i * 3000, 10_000 + i * frame + delay);
    // The first frames reach the transform 1 ms after capture, every later one 15–20 ms after.
    for (let i = 0; i < 5; i++) at(i, 1);
    const early = at(10, 15) - (10_000 + 10 * frame);
    expect(early).toBeCloseTo(1, 6); // still the first frames' minimum: stamp = capture + 1
    const n = Math.ceil(CALIBRATION_WINDOW_MS / frame) + 20;
    let last = 0;
    for (let i = 11; i <= n; i++) last = at(i, 15 + (i % 6)) - (10_000 + i * frame);
    // Now the window holds only later frames: stamp = capture + their smallest delay (15 ms), not + 1.
    expect(last).toBeCloseTo(15, 6);
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
