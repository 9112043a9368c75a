import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../../../common/errors.js';
import type { StudioKeys } from '../auth/studio-keys.js';
import { HttpError, sendJson, type Router } from './http-util.js';
import { requireStudio } from './studio-routes.js';

const MAX_ASSET_BYTES = 5 * 1024 * 1024;
const KINDS: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/png': { ext: 'png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/webp': { ext: 'webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
};
const TYPE_OF_EXT: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/**
 * Product images viewers load: uploaded by the studio, stored by content (sha256), served forever
 * with nosniff. The bytes must be what the content type says, so nothing else can be hosted here.
 */
export function addAssetRoutes(router: Router, keys: StudioKeys, dataDir: string): void {
  const dir = path.join(dataDir, 'assets');
  mkdirSync(dir, { recursive: true });
  router
    .add('PUT', '/api/assets', async (req, res) => {
      requireStudio(keys, req);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const kind = KINDS[type];
      if (!kind) throw new HttpError(415, ERROR_CODES.badRequest, 'images must be PNG, JPEG or WebP');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_ASSET_BYTES) throw new HttpError(413, ERROR_CODES.tooLarge, 'the image is larger than 5 MB');
        chunks.push(c as Buffer);
      }
      const bytes = Buffer.concat(chunks);
      if (!kind.magic(bytes)) throw new HttpError(400, ERROR_CODES.badRequest, `the bytes are not a ${type} image`);
      const ref = `${createHash('sha256').update(bytes).digest('hex')}.${kind.ext}`;
      const file = path.join(dir, ref);
      if (!existsSync(file)) {
        writeFileSync(file + '.tmp', bytes);
        renameSync(file + '.tmp', file);
      }
      sendJson(res, 201, { ref, url: `/assets/${ref}` });
    })
    .add('GET', '/assets/:ref', (_req, res, p) => {
      const m = /^[0-9a-f]{64}\.(png|jpg|webp)$/.exec(p.ref!);
      const file = m ? path.join(dir, p.ref!) : '';
      if (!m || !existsSync(file)) throw new HttpError(404, ERROR_CODES.notFound, 'no such image');
      res.writeHead(200, { 'content-type': TYPE_OF_EXT[m[1]!]!, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
      res.end(readFileSync(file));
    });
}
