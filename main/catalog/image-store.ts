import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImageRef } from '../../common/commerce/catalog.js';
import { MAX_IMAGE_BYTES, StudioError } from '../../common/ipc-contract.js';
import { IMAGE_MIME, sniffImage, type ImageType } from './image-sniff.js';
import { nowIso } from './store-util.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

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
    if (!bytes) throw StudioError.refuse({ reason: 'imageNotBase64', args: {} });
    return this.addBytes(bytes);
  }

  addBytes(bytes: Uint8Array): { ref: string } {
    if (bytes.length > MAX_IMAGE_BYTES) throw StudioError.refuse({ reason: 'imageTooLarge', args: { bytes: bytes.length, maxBytes: MAX_IMAGE_BYTES } });
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) throw StudioError.refuse(sniffed.refusal);
    const { type, mime, width, height } = sniffed.info;
    const ref = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
    const file = path.join(this.dir, ref);
    if (!existsSync(file)) {
      const tmp = path.join(this.dir, `.${ref}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        // Inside the try: a folder that cannot be made is the same refusal as a file that cannot be written.
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        writeFileSync(tmp, bytes, { mode: 0o600 });
        renameSync(tmp, file);
      } catch (e) {
        // Best effort: when the folder itself is the problem there is no temp file to remove, and the cause is what to report.
        try {
          rmSync(tmp, { force: true });
        } catch {
          /* reported below */
        }
        throw StudioError.refuse({ reason: 'imageNotSaved', args: { detail: (e as Error).message.slice(0, 1000) } });
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
    const short = ref.slice(0, 12);
    if (!ImageRef.safeParse(ref).success || !this.has(ref)) throw StudioError.refuse({ reason: 'imageNotInStudio', args: { ref: short } });
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.dir, ref));
    } catch {
      throw StudioError.refuse({ reason: 'imageFileMissing', args: { ref: short } });
    }
    if (`${createHash('sha256').update(bytes).digest('hex')}.${ref.split('.')[1]}` !== ref)
      throw StudioError.refuse({ reason: 'imageFileDamaged', args: { ref: short } });
    return { ref, mime: IMAGE_MIME[ref.split('.')[1] as ImageType], bytes };
  }
}
