import type { CatalogRefusal, CatalogRefusalArgs } from '../../common/catalog-refusals.js';

/**
 * Identifies an image by its bytes (never by a name or a claimed type) and reads the dimensions
 * its header declares, without decoding pixels. Only PNG, JPEG and WebP pass; SVG (it can carry
 * scripts), GIF and everything else are refused with a reason the renderer says in the seller's language.
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

export type SniffResult = { ok: true; info: ImageInfo } | { ok: false; refusal: CatalogRefusal };
type Refused = Extract<SniffResult, { ok: false }>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const refused = (refusal: CatalogRefusal): Refused => ({ ok: false, refusal });
const TRUNCATED = (format: CatalogRefusalArgs<'imageCutShort'>['format']) => refused({ reason: 'imageCutShort', args: { format } });

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return refused({ reason: 'imageEmpty', args: {} });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let info: ImageInfo | Refused;
  if (startsWith(bytes, PNG_SIGNATURE)) info = png(bytes, view);
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) info = jpeg(bytes, view);
  else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') info = webp(bytes, view);
  else return refused({ reason: 'imageUnsupported', args: { format: unsupported(bytes) } });
  if ('ok' in info) return info;
  const { width, height } = info;
  if (width === 0 || height === 0) return refused({ reason: 'imageNoPixels', args: { width, height } });
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return refused({ reason: 'imageTooManyPixels', args: { width, height, maxSide: MAX_IMAGE_SIDE } });
  return { ok: true, info };
}

function unsupported(b: Uint8Array): CatalogRefusalArgs<'imageUnsupported'>['format'] {
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && (head.includes('<svg') || head.startsWith('<?xml'))) return 'svg';
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
    if (/^avi[fs]$/.test(brand)) return 'avif';
  }
  if (ascii(b, 0, 2) === 'BM') return 'bmp';
  return 'other';
}

/** Signature, IHDR (first chunk, 13 bytes: width, height, …), then chunks until IEND must all be there. */
function png(b: Uint8Array, v: DataView): ImageInfo | Refused {
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
function jpeg(b: Uint8Array, v: DataView): ImageInfo | Refused {
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
function webp(b: Uint8Array, v: DataView): ImageInfo | Refused {
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
