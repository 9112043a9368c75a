import { createContext, useContext } from 'react';
import type { ChatStore } from './chat-store.js';

/** The page's one chat store (made in main.tsx beside the session). */
export const ChatContext = createContext<ChatStore | null>(null);

export function useChatStore(): ChatStore | null {
  return useContext(ChatContext);
}
