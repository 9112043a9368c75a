import { useEffect, useState } from 'react';
import { bridge } from '../bridge.js';

/**
 * Previews of catalog images by ref, as data URLs (the studio's CSP allows only its own origin,
 * data: and blob: images). A file the seller picks is remembered at pick time; a saved image is
 * fetched once with `images.get`. A ref that cannot be fetched shows a neutral tile with its type.
 */
const previews = new Map<string, string | null>();
const loading = new Map<string, Promise<string | null>>();

export function rememberPreview(ref: string, dataUrl: string): void {
  previews.set(ref, dataUrl);
}

function fetchPreview(ref: string): Promise<string | null> {
  let p = loading.get(ref);
  if (!p) {
    p = bridge
      .invoke('images.get', { ref })
      .then((r) => (r.dataUrl.startsWith('data:image/') ? r.dataUrl : null))
      .catch(() => null)
      .then((url) => (previews.set(ref, url), url));
    loading.set(ref, p);
  }
  return p;
}

/** The preview of `ref`: a data URL, or null while loading or when there is none. */
export function usePreview(ref: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(() => (ref ? (previews.get(ref) ?? null) : null));
  useEffect(() => {
    if (!ref) return setUrl(null);
    const known = previews.get(ref);
    if (known !== undefined) return setUrl(known);
    let alive = true;
    void fetchPreview(ref).then((u) => alive && setUrl(u));
    return () => {
      alive = false;
    };
  }, [ref]);
  return url;
}

/** "…png" → "PNG", "…jpg" → "JPEG", "…webp" → "WebP". */
export function imageTypeOf(ref: string): string {
  const ext = ref.split('.').pop() ?? '';
  return ext === 'jpg' ? 'JPEG' : ext === 'webp' ? 'WebP' : ext.toUpperCase();
}
