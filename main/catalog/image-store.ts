import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImageRef } from '../../common/commerce/catalog.js';
import { ERROR_CODES } from '../../common/errors.js';
import { MAX_IMAGE_BYTES, StudioError } from '../../common/ipc-contract.js';
import { IMAGE_MIME, sniffImage, type ImageType } from './image-sniff.js';
import { notFound, nowIso } from './store-util.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIB = 1024 * 1024;

/** Strict base64 (a `data:image/…;base64,` prefix from a file picker is allowed); null when it is not base64. */
export function decodeBase64(text: string): Buffer | null {
  const body = text.replace(/^data:[\w.+/-]*;base64,/, '').replace(/\s+/g, '');
  if (body.length % 4 !== 0 || !BASE64.test(body)) return null;
  return Buffer.from(body, 'base64');
}

export interface StoredImage {
  ref: string;
  mime: string;
  bytes: Buffer;
}

/**
 * Product images, stored by content under `<dataDir>/images/<sha256>.<ext>` (written to a temp
 * file, then renamed, so a crash never leaves half an image under a real name) with a row each.
 * Adding the same picture twice gives the same ref and stores it once.
 */
export class ImageStore {
  readonly dir: string;

  constructor(
    private readonly db: Database.Database,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, 'images');
  }

  add(dataBase64: string): { ref: string } {
    const bytes = decodeBase64(dataBase64);
    if (!bytes) throw new StudioError(ERROR_CODES.badRequest, 'The image data is not valid base64.');
    return this.addBytes(bytes);
  }

  addBytes(bytes: Uint8Array): { ref: string } {
    if (bytes.length > MAX_IMAGE_BYTES)
      throw new StudioError(ERROR_CODES.tooLarge, `The image is ${(bytes.length / MIB).toFixed(1)} MB; at most ${MAX_IMAGE_BYTES / MIB} MB is allowed. Save it smaller and retry.`);
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) throw new StudioError(ERROR_CODES.badRequest, sniffed.reason);
    const { type, mime, width, height } = sniffed.info;
    const ref = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
    const file = path.join(this.dir, ref);
    if (!existsSync(file)) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const tmp = path.join(this.dir, `.${ref}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        writeFileSync(tmp, bytes, { mode: 0o600 });
        renameSync(tmp, file);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new StudioError(ERROR_CODES.internal, `Could not save the image in the studio's data folder: ${(e as Error).message}`);
      }
    }
    this.db
      .prepare('INSERT INTO images (ref, mime, size, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(ref) DO NOTHING')
      .run(ref, mime, bytes.length, width, height, nowIso());
    return { ref };
  }

  has(ref: string): boolean {
    return this.db.prepare('SELECT 1 FROM images WHERE ref = ?').pluck().get(ref) !== undefined;
  }

  /** The stored bytes, checked against their ref, so a damaged file is never sent to viewers. */
  read(ref: string): StoredImage {
    if (!ImageRef.safeParse(ref).success || !this.has(ref)) throw notFound(`The image ${ref.slice(0, 12)}… is not in the studio. Add it to the product again.`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.dir, ref));
    } catch {
      throw notFound(`The image ${ref.slice(0, 12)}… is missing from the studio's data folder. Add it to the product again.`);
    }
    if (`${createHash('sha256').update(bytes).digest('hex')}.${ref.split('.')[1]}` !== ref)
      throw new StudioError(ERROR_CODES.internal, `The image ${ref.slice(0, 12)}… in the studio's data folder is damaged. Add it to the product again.`);
    return { ref, mime: IMAGE_MIME[ref.split('.')[1] as ImageType], bytes };
  }
}
