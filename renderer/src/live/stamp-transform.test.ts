import { describe, expect, it } from 'vitest';
import { readStamp } from '../../../common/frame-stamp.js';
import { stampingTransform } from './stamp-transform.js';

/** An encoded video frame as the transform sees it: data and its RTP timestamp. */
function frame(rtpTimestamp: number) {
  return { data: new Uint8Array([1, 2, 3]).buffer as ArrayBuffer, getMetadata: () => ({ rtpTimestamp }) };
}

/** Frames captured 33.3 ms apart (3000 ticks) reaching the transform 6, 5 and 9 ms after capture. */
async function stampsOf(encodeDelayMs: number): Promise<number[]> {
  const arrivals = [1000 + 6, 1000 + 100 / 3 + 5, 1000 + 200 / 3 + 9];
  let i = 0;
  const t = stampingTransform(() => encodeDelayMs, () => arrivals[i]!);
  const writer = t.writable.getWriter();
  const reader = t.readable.getReader();
  const out: number[] = [];
  for (; i < arrivals.length; i++) {
    void writer.write(frame(90_000 + i * 3000) as unknown as RTCEncodedVideoFrame);
    const { value } = await reader.read();
    const stamp = readStamp(value!.data);
    expect(stamp).not.toBeNull();
    expect(new Uint8Array(stamp!.payload)).toEqual(new Uint8Array([1, 2, 3])); // the frame itself untouched
    out.push(stamp!.captureMs);
  }
  return out;
}

describe('stampingTransform', () => {
  it('stamps capture + the smallest delay, less the encode delay it is given', async () => {
    // Without a delay: the third frame's stamp is its capture (1066.7) + the smallest delay so far (5).
    expect((await stampsOf(0))[2]).toBeCloseTo(1000 + 200 / 3 + 5, 6);
    // With 4.5 ms of encoding known: 0.5 ms after capture.
    expect((await stampsOf(4.5))[2]).toBeCloseTo(1000 + 200 / 3 + 0.5, 6);
  });
});
