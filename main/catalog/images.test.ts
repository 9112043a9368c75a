import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusalLogLine } from '../../common/refusals.js';
import { MAX_IMAGE_BYTES, StudioError } from '../../common/ipc-contract.js';
import { forgedPng, GIF_1X1, JPEG_2X4, pngBytes, vp8xWebp, WEBP_4X6, WEBP_LOSSLESS_2X4 } from '../testing/images.js';
import { tempStudioDb } from '../testing/temp-db.js';
import type { StudioDb } from '../store/studio-db.js';
import { sniffImage } from './image-sniff.js';
import { ImageStore } from './image-store.js';

describe('image sniffing', () => {
  it('identifies PNG, JPEG and WebP (lossy, lossless, extended) by their bytes and reads their size', () => {
    expect(sniffImage(pngBytes(3, 2))).toEqual({ ok: true, info: { type: 'png', mime: 'image/png', width: 3, height: 2 } });
    expect(sniffImage(JPEG_2X4)).toEqual({ ok: true, info: { type: 'jpg', mime: 'image/jpeg', width: 2, height: 4 } });
    expect(sniffImage(WEBP_4X6)).toEqual({ ok: true, info: { type: 'webp', mime: 'image/webp', width: 4, height: 6 } });
    expect(sniffImage(WEBP_LOSSLESS_2X4)).toMatchObject({ ok: true, info: { width: 2, height: 4 } });
    expect(sniffImage(vp8xWebp(8000, 1))).toMatchObject({ ok: true, info: { type: 'webp', width: 8000, height: 1 } });
  });

  const cut = (format: 'PNG' | 'JPEG' | 'WebP') => ({ reason: 'imageCutShort', args: { format } });
  it.each([
    ['GIF', GIF_1X1, { reason: 'imageUnsupported', args: { format: 'gif' } }, /GIF images are not supported/],
    ['SVG', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { reason: 'imageUnsupported', args: { format: 'svg' } }, /SVG images are not supported/],
    ['bare SVG', Buffer.from('\uFEFF  <svg width="10" height="10"/>'), { reason: 'imageUnsupported', args: { format: 'svg' } }, /SVG/],
    ['HEIC', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(20)]), { reason: 'imageUnsupported', args: { format: 'heic' } }, /HEIC/],
    ['text', Buffer.from('hello'), { reason: 'imageUnsupported', args: { format: 'other' } }, /not an image the studio accepts/],
    ['an empty file', Buffer.alloc(0), { reason: 'imageEmpty', args: {} }, /empty/],
    ['a truncated PNG header', pngBytes().subarray(0, 20), cut('PNG'), /PNG file is cut short/],
    ['a PNG missing its end', pngBytes().subarray(0, pngBytes().length - 12), cut('PNG'), /cut short/],
    ['a truncated JPEG', JPEG_2X4.subarray(0, 120), cut('JPEG'), /JPEG file is cut short/],
    ['a JPEG without end marker', JPEG_2X4.subarray(0, JPEG_2X4.length - 2), cut('JPEG'), /cut short/],
    ['a truncated WebP', WEBP_4X6.subarray(0, 40), cut('WebP'), /WebP file is cut short/],
    ['a forged 100000×1 PNG', forgedPng(100_000, 1), { reason: 'imageTooManyPixels', args: { width: 100_000, height: 1, maxSide: 8000 } }, /100000×1 pixels; at most 8000×8000/],
    ['a forged 1×8001 PNG', forgedPng(1, 8001), { reason: 'imageTooManyPixels', args: { width: 1, height: 8001, maxSide: 8000 } }, /1×8001/],
    ['a forged 0×0 PNG', forgedPng(0, 0), { reason: 'imageNoPixels', args: { width: 0, height: 0 } }, /0×0 pixels, which is not a real picture/],
    ['a forged 9000×9000 WebP', vp8xWebp(9000, 9000), { reason: 'imageTooManyPixels', args: { width: 9000, height: 9000, maxSide: 8000 } }, /9000×9000/],
  ])('refuses %s, with its reason and the English log line', (_what, bytes, refusal, log) => {
    const r = sniffImage(bytes);
    expect(r).toEqual({ ok: false, refusal });
    if (!r.ok) expect(refusalLogLine(r.refusal)).toMatch(log);
  });

  it('refuses a JPEG whose frame header claims a huge size', () => {
    const b = Buffer.from(JPEG_2X4);
    const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
    b.writeUInt16BE(60000, sof + 5);
    expect(sniffImage(b)).toEqual({ ok: false, refusal: { reason: 'imageTooManyPixels', args: { width: 2, height: 60000, maxSide: 8000 } } });
  });
});

describe('image store', () => {
  let db: StudioDb;
  let images: ImageStore;
  beforeEach(() => {
    db = tempStudioDb();
    images = new ImageStore(db.db, db.dataDir);
  });
  afterEach(() => db.close());

  const fail = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof StudioError) return { code: e.code, message: e.message, refusal: e.refusal };
    }
    throw new Error('expected a StudioError');
  };

  it('stores by content: ref = sha256 + extension, file under images/, a row, the same ref for the same bytes', () => {
    const png = pngBytes(2, 2);
    const { ref } = images.add(png.toString('base64'));
    expect(ref).toBe(`${createHash('sha256').update(png).digest('hex')}.png`);
    expect(readFileSync(path.join(db.dataDir, 'images', ref))).toEqual(png);
    expect(db.db.prepare('SELECT mime, size, width, height FROM images WHERE ref = ?').get(ref)).toEqual({ mime: 'image/png', size: png.length, width: 2, height: 2 });
    expect(images.add(`data:image/png;base64,${png.toString('base64')}`)).toEqual({ ref });
    expect(db.db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(1);
    expect(readdirSync(path.join(db.dataDir, 'images'))).toEqual([ref]); // no temp files left
    expect(images.add(JPEG_2X4.toString('base64')).ref).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(images.add(WEBP_4X6.toString('base64')).ref).toMatch(/^[0-9a-f]{64}\.webp$/);
    expect(images.read(ref)).toEqual({ ref, mime: 'image/png', bytes: png });
  });

  it('refuses bad base64, unsupported types and oversized images, storing nothing', () => {
    expect(fail(() => images.add('not base64!'))).toEqual({ code: 'bad_request', message: expect.stringMatching(/not valid base64/), refusal: { reason: 'imageNotBase64', args: {} } });
    expect(fail(() => images.add(GIF_1X1.toString('base64')))).toEqual({ code: 'bad_request', message: expect.stringMatching(/GIF/), refusal: { reason: 'imageUnsupported', args: { format: 'gif' } } });
    const big = Buffer.concat([pngBytes(), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(fail(() => images.add(big.toString('base64')))).toEqual({
      code: 'too_large',
      message: expect.stringMatching(/at most 5 MB/),
      refusal: { reason: 'imageTooLarge', args: { bytes: big.length, maxBytes: MAX_IMAGE_BYTES } },
    });
    expect(fail(() => images.add(forgedPng(20_000, 20_000).toString('base64')))).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/at most 8000×8000/),
      refusal: { reason: 'imageTooManyPixels', args: { width: 20_000, height: 20_000, maxSide: 8000 } },
    });
    expect(db.db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(0);
    expect(existsSync(path.join(db.dataDir, 'images'))).toBe(false);
  });

  it('will not hand out an image that is missing or damaged on disk', () => {
    const { ref } = images.addBytes(pngBytes());
    expect(fail(() => images.read('f'.repeat(64) + '.png'))).toMatchObject({ code: 'not_found', refusal: { reason: 'imageNotInStudio', args: { ref: 'ffffffffffff' } } });
    db.db.prepare('INSERT INTO images VALUES (?, ?, 1, 1, 1, ?)').run('e'.repeat(64) + '.png', 'image/png', 'now');
    expect(fail(() => images.read('e'.repeat(64) + '.png'))).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/missing from the studio's data folder/),
      refusal: { reason: 'imageFileMissing', args: { ref: 'eeeeeeeeeeee' } },
    });
    expect(images.read(ref).bytes.length).toBeGreaterThan(0);
    writeFileSync(path.join(images.dir, ref), pngBytes(3, 3));
    expect(fail(() => images.read(ref))).toMatchObject({ code: 'internal', message: expect.stringMatching(/is damaged/), refusal: { reason: 'imageFileDamaged', args: { ref: ref.slice(0, 12) } } });
  });

  it('says so when the data folder cannot take the image', () => {
    // A file where the images folder should be: the write fails as a read-only or full disk would.
    writeFileSync(images.dir, '');
    const e = fail(() => images.addBytes(pngBytes()));
    expect(e).toMatchObject({ code: 'internal', refusal: { reason: 'imageNotSaved', args: { detail: expect.any(String) } } });
    expect(e.message).toMatch(/^Could not save the image in the studio's data folder: /);
  });
});
