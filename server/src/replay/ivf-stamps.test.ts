import { describe, expect, it } from 'vitest';
import { appendStamp } from '../../../common/frame-stamp.js';
import { stripIvfStamps } from './ivf-stamps.js';

function ivf(frames: { pts: number; data: Buffer }[]): Buffer {
  const head = Buffer.alloc(32);
  head.write('DKIF', 0, 'latin1');
  head.writeUInt16LE(32, 6);
  head.write('VP80', 8, 'latin1');
  head.writeUInt32LE(1000, 16);
  head.writeUInt32LE(1, 20);
  head.writeUInt32LE(frames.length, 24);
  const parts: Buffer[] = [head];
  for (const f of frames) {
    const h = Buffer.alloc(12);
    h.writeUInt32LE(f.data.length, 0);
    h.writeBigUInt64LE(BigInt(f.pts), 4);
    parts.push(h, f.data);
  }
  return Buffer.concat(parts);
}
const stamped = (bytes: number[], ms: number) => Buffer.from(appendStamp(new Uint8Array(bytes).buffer, ms));

describe('stripIvfStamps', () => {
  it('removes trailers, keeps unstamped frames, and reports pts with capture times', () => {
    const input = ivf([
      { pts: 0, data: stamped([1, 2, 3], 1000.5) },
      { pts: 33, data: Buffer.from([9, 9]) },
      { pts: 66, data: stamped([4, 5], 1066) },
    ]);
    const out = stripIvfStamps(input);
    expect(out.frames).toEqual([[0, 1000.5], [66, 1066]]);
    expect(out.unstamped).toBe(1);
    expect(out.timebase).toEqual({ den: 1000, num: 1 });
    expect(out.ivf.equals(ivf([{ pts: 0, data: Buffer.from([1, 2, 3]) }, { pts: 33, data: Buffer.from([9, 9]) }, { pts: 66, data: Buffer.from([4, 5]) }]))).toBe(true);
  });

  it('refuses non-IVF and truncated input with a clear error', () => {
    expect(() => stripIvfStamps(Buffer.from('nope'))).toThrow(/not an IVF/);
    const good = ivf([{ pts: 0, data: stamped([1, 2, 3], 5) }]);
    expect(() => stripIvfStamps(good.subarray(0, good.length - 2))).toThrow(/truncated/);
  });
});
