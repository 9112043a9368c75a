import { describe, expect, it } from 'vitest';
import { appendStamp, readStamp, STAMP_BYTES } from './frame-stamp.js';

describe('frame stamps', () => {
  it('round-trips the capture time and restores the payload exactly', () => {
    const payload = new Uint8Array([1, 2, 3, 250, 0, 7]).buffer;
    const stamped = appendStamp(payload, 1_763_760_000_123.25);
    expect(stamped.byteLength).toBe(payload.byteLength + STAMP_BYTES);
    const read = readStamp(stamped)!;
    expect(read.captureMs).toBe(1_763_760_000_123.25);
    expect([...new Uint8Array(read.payload)]).toEqual([1, 2, 3, 250, 0, 7]);
  });

  it('leaves unstamped frames alone', () => {
    expect(readStamp(new Uint8Array(40).fill(9).buffer)).toBeNull();
    expect(readStamp(new Uint8Array(3).buffer)).toBeNull();
  });
});
