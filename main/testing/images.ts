import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny real images for tests (never imported by the studio itself). The PNG is built here byte by
 * byte; the JPEG and WebP files were made with ffmpeg (`-f lavfi -i color=c=red`) and decode in
 * browsers.
 */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGBA PNG of `width`×`height` red pixels (keep it small: the pixels are really there). */
export function pngBytes(width = 1, height = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, Buffer.from([255, 0, 0, 255]))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** A 1×1 PNG whose header claims other dimensions (a forged IHDR; the CRC is left as it was). */
export function forgedPng(width: number, height: number): Buffer {
  const b = Buffer.from(pngBytes(1, 1));
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

/** 2×4 baseline JPEG. */
export const JPEG_2X4 = Buffer.from(
  '/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABNAAEBAAAAAAAAAAAAAAAAAAAABgEBAQEAAAAAAAAAAAAAAAAAAAYHEAEAAAAAAAAAAAAAAAAAAAAAEQEAAAAAAAAAAAAAAAAAAAAA/8AAEQgABAACAwESAAISAAMSAP/aAAwDAQACEQMRAD8AixKDfx//2Q==',
  'base64',
);
/** 4×6 lossy WebP (VP8). */
export const WEBP_4X6 = Buffer.from('UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoEAAYAAgA0JaACdLoB+AADsAD+8Oj3/yC5YXXI1/8gP+QH/ID/+PIAAAA=', 'base64');
/** 2×4 lossless WebP (VP8L). */
export const WEBP_LOSSLESS_2X4 = Buffer.from('UklGRhwAAABXRUJQVlA4TA8AAAAvAcAAAAcQ7Y/+ByKi/wEA', 'base64');

/** An extended WebP (VP8X) header declaring `width`×`height` (only the header: enough for the sniffer's size check). */
export function vp8xWebp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(22, 4);
  b.write('WEBP', 8, 'ascii');
  b.write('VP8X', 12, 'ascii');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** The smallest GIF (1×1). */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
