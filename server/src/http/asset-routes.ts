import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { apiError, withHeaders, type DeclaredApi } from './declared.js';

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
export function addAssetRoutes(api: DeclaredApi, dataDir: string): void {
  const dir = path.join(dataDir, 'assets');
  mkdirSync(dir, { recursive: true });
  api
    .serve(RELAY_ROUTES.putAsset, ({ body: { bytes, type } }) => {
      const kind = KINDS[type]!; // the declaration admitted only these types
      if (!kind.magic(bytes)) throw apiError('bad_request', `the bytes are not a ${type} image`);
      const ref = `${createHash('sha256').update(bytes).digest('hex')}.${kind.ext}`;
      const file = path.join(dir, ref);
      if (!existsSync(file)) {
        writeFileSync(file + '.tmp', bytes);
        renameSync(file + '.tmp', file);
      }
      return { ref, url: `/assets/${ref}` };
    })
    .serve(RELAY_ROUTES.asset, ({ params }) => {
      const m = /^[0-9a-f]{64}\.(png|jpg|webp)$/.exec(params.ref);
      const file = m ? path.join(dir, params.ref) : '';
      if (!m || !existsSync(file)) throw apiError('not_found', 'no such image');
      return withHeaders(readFileSync(file), { 'content-type': TYPE_OF_EXT[m[1]!]!, 'cache-control': 'public, max-age=31536000, immutable' });
    });
}
