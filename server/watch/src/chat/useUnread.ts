import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ChatStore } from './chat-store.js';

/** Messages that arrived while the chat was closed (reset when it opens). */
export function useUnread(chat: ChatStore | null, open: boolean): number {
  const messages = useSyncExternalStore(chat?.subscribe ?? noop, () => chat?.getSnapshot().messages ?? NONE);
  const seen = useRef<string | null>(null);
  const last = messages.at(-1)?.id ?? null;
  useEffect(() => {
    if (open || seen.current === null) seen.current = last;
  }, [open, last]);
  if (open || seen.current === null) return 0;
  const i = messages.findIndex((m) => m.id === seen.current);
  return i < 0 ? messages.length : messages.length - 1 - i;
}

const noop = () => () => undefined;
const NONE: readonly { id: string }[] = [];
