/** Told when the seller saves the store profile, so a go-live warning already on screen goes away. */
const listeners = new Set<() => void>();

export function onStoreProfileSaved(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function storeProfileSaved(): void {
  for (const fn of [...listeners]) fn();
}
