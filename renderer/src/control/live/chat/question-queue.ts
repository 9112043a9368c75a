import type { StaffChatEntry } from '../../../../../common/protocol/chat.js';

/** Open questions in arrival order: the queue the host answers from the top. */
export const openQuestions = (entries: readonly StaffChatEntry[]) => entries.filter((e) => e.question && !e.answered && e.status === 'visible');

/** The first catalog product a message names (case- and space-insensitive), for the question queue. */
export function mentionedProduct<P extends { name: string }>(text: string, products: readonly P[]): P | null {
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  const t = squash(text);
  let best: P | null = null;
  for (const p of products) {
    const n = squash(p.name);
    if (n.length >= 2 && t.includes(n) && (!best || n.length > squash(best.name).length)) best = p;
  }
  return best;
}
