import type { ReactNode } from 'react';
import type { ChatLink } from '../../../../common/protocol/chat.js';

/**
 * A message's text as text (React escapes it; nothing is ever parsed as markup). Only the ranges
 * the relay marked clickable (the seller's own and allow-listed domains) become links, and only
 * with an http(s) address.
 */
export function ChatText({ text, links }: { text: string; links: readonly ChatLink[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const l of [...links].sort((a, b) => a.start - b.start)) {
    if (l.start < at || l.end > text.length || l.end <= l.start || !/^https?:\/\//i.test(l.href)) continue;
    parts.push(text.slice(at, l.start));
    parts.push(
      <a key={l.start} href={l.href} target="_blank" rel="noopener noreferrer nofollow ugc">
        {text.slice(l.start, l.end)}
      </a>,
    );
    at = l.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
