/** The show's frame: landscape 16:9 (the camera as it is) or portrait 9:16 (phone-first live shopping). */
export type Orientation = 'landscape' | 'portrait';
export const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait'];

/** Width over height of a portrait frame. */
export const PORTRAIT_ASPECT = 9 / 16;

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rounds down to an even number: 4:2:0 frames (I420, NV12) cannot be cut at an odd pixel. */
const even = (n: number): number => Math.max(2, Math.floor(n / 2) * 2);

/**
 * The largest centred rectangle of `aspect` (width / height) inside a w×h frame, on even pixels.
 * A frame already narrower than `aspect` keeps its full width and loses top and bottom instead.
 */
export function centreCrop(w: number, h: number, aspect: number): CropRect {
  if (!(w > 0 && h > 0 && aspect > 0)) throw new RangeError(`cannot crop a ${w}×${h} frame to ${aspect}`);
  if (w / h > aspect) {
    const width = Math.min(even(h * aspect), even(w));
    const height = even(h);
    return { x: Math.floor((w - width) / 4) * 2, y: 0, width, height };
  }
  const width = even(w);
  const height = Math.min(even(w / aspect), even(h));
  return { x: 0, y: Math.floor((h - height) / 4) * 2, width, height };
}
