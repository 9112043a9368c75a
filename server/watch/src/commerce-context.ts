import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CommerceStore, CommerceView } from './commerce-store.js';

/** The page's one CommerceStore, for the panels deep in the dock (coupon, quiz, poll) and the sheets. */
export const CommerceContext = createContext<CommerceStore | null>(null);

export function useCommerce(): [CommerceView, CommerceStore] {
  const store = useContext(CommerceContext);
  if (!store) throw new Error('CommerceContext is missing');
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return [view, store];
}
