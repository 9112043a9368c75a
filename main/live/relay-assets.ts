import type { StoredImage } from '../catalog/image-store.js';

/** The part of RelayClient that uploads assets. */
export interface AssetUploader {
  readonly baseUrl: string;
  putAsset(bytes: Uint8Array, type: string): Promise<{ ref: string; url: string }>;
}

/**
 * Uploads product images to the relay before a card that shows them goes out, once per relay:
 * it remembers (in memory, per relay address) which refs that relay already has, and shares an
 * upload in flight, so two cards with the same picture fired together upload it once. A failed
 * upload is forgotten, so the next firing tries again.
 */
export class RelayAssets {
  private readonly known = new Map<string, Promise<string>>();

  constructor(private readonly read: (ref: string) => StoredImage) {}

  /** The absolute URL viewers load `ref` from on the relay behind `client`. */
  urlFor(client: AssetUploader, ref: string): Promise<string> {
    const key = `${client.baseUrl}\n${ref}`;
    const cached = this.known.get(key);
    if (cached) return cached;
    const upload = (async () => {
      const image = this.read(ref);
      const { url } = await client.putAsset(image.bytes, image.mime);
      return absolute(client.baseUrl, url);
    })();
    this.known.set(key, upload);
    upload.catch(() => this.known.delete(key));
    return upload;
  }

  /** Forgets everything known about one relay (for example after it lost its data). */
  forget(baseUrl: string): void {
    for (const key of this.known.keys()) if (key.startsWith(`${baseUrl}\n`)) this.known.delete(key);
  }
}

function absolute(base: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return base.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}
