/**
 * Identifies an image by its bytes (never by a name or a claimed type) and reads the dimensions
 * its header declares, without decoding pixels. Only PNG, JPEG and WebP pass; SVG (it can carry
 * scripts), GIF and everything else are refused with a reason a seller understands.
 */
export const MAX_IMAGE_SIDE = 8000;

export type ImageType = 'png' | 'jpg' | 'webp';
export const IMAGE_MIME: Record<ImageType, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

export interface ImageInfo {
  type: ImageType;
  mime: string;
  width: number;
  height: number;
}

export type SniffResult = { ok: true; info: ImageInfo } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ONLY = 'Use a PNG, JPEG or WebP image.';
const TRUNCATED = (kind: string) => `The ${kind} file is cut short or damaged. Export it again and retry.`;

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'The image is empty.' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let info: ImageInfo | string;
  if (startsWith(bytes, PNG_SIGNATURE)) info = png(bytes, view);
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) info = jpeg(bytes, view);
  else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') info = webp(bytes, view);
  else return { ok: false, reason: unsupported(bytes) };
  if (typeof info === 'string') return { ok: false, reason: info };
  if (info.width === 0 || info.height === 0) return { ok: false, reason: `The image says it is ${info.width}×${info.height} pixels, which is not a real picture. ${ONLY}` };
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE)
    return { ok: false, reason: `The image is ${info.width}×${info.height} pixels; at most ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} is allowed. Resize it and retry.` };
  return { ok: true, info };
}

function unsupported(b: Uint8Array): string {
  if (ascii(b, 0, 4) === 'GIF8') return `GIF images are not supported. ${ONLY}`;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && (head.includes('<svg') || head.startsWith('<?xml'))) return `SVG images are not supported (they can contain scripts). ${ONLY}`;
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return `HEIC photos (the iPhone default) are not supported. Export the photo as JPEG and retry.`;
    if (/^avi[fs]$/.test(brand)) return `AVIF images are not supported. ${ONLY}`;
  }
  if (ascii(b, 0, 2) === 'BM') return `BMP images are not supported. ${ONLY}`;
  return `This file is not an image the studio accepts. ${ONLY}`;
}

/** Signature, IHDR (first chunk, 13 bytes: width, height, …), then chunks until IEND must all be there. */
function png(b: Uint8Array, v: DataView): ImageInfo | string {
  if (b.length < 33 || v.getUint32(8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return TRUNCATED('PNG');
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  let at = 8;
  for (;;) {
    if (at + 12 > b.length) return TRUNCATED('PNG');
    const len = v.getUint32(at);
    const type = ascii(b, at + 4, 4);
    if (at + 12 + len > b.length) return TRUNCATED('PNG');
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return { type: 'png', mime: IMAGE_MIME.png, width, height };
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Walks the marker segments to the frame header (SOF) and the scan (SOS); the file must end its scan with EOI. */
function jpeg(b: Uint8Array, v: DataView): ImageInfo | string {
  let at = 2;
  let size: { width: number; height: number } | null = null;
  for (;;) {
    if (at + 4 > b.length) return TRUNCATED('JPEG');
    if (b[at] !== 0xff) return TRUNCATED('JPEG');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const len = v.getUint16(at + 2);
    if (len < 2 || at + 2 + len > b.length) return TRUNCATED('JPEG');
    if (isSof(marker)) {
      if (len < 7) return TRUNCATED('JPEG');
      size = { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (marker === 0xda) {
      at += 2 + len;
      break;
    }
    at += 2 + len;
  }
  if (!size) return TRUNCATED('JPEG');
  // The entropy-coded scan follows; a complete file has an end-of-image marker after it.
  let end = -1;
  for (let i = b.length - 2; i >= at; i--) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) {
      end = i;
      break;
    }
  }
  if (end < 0) return TRUNCATED('JPEG');
  return { type: 'jpg', mime: IMAGE_MIME.jpg, ...size };
}

/** RIFF container whose declared size fits the file, then a VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk. */
function webp(b: Uint8Array, v: DataView): ImageInfo | string {
  if (b.length < 30) return TRUNCATED('WebP');
  const riffSize = v.getUint32(4, true);
  if (riffSize + 8 > b.length || riffSize < 22) return TRUNCATED('WebP');
  const chunk = ascii(b, 12, 4);
  const chunkSize = v.getUint32(16, true);
  if (20 + chunkSize > b.length) return TRUNCATED('WebP');
  const info = (width: number, height: number): ImageInfo => ({ type: 'webp', mime: IMAGE_MIME.webp, width, height });
  if (chunk === 'VP8X') {
    return info(1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)));
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return TRUNCATED('WebP');
    const bits = v.getUint32(21, true);
    return info((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return TRUNCATED('WebP');
    return info(v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff);
  }
  return TRUNCATED('WebP');
}
