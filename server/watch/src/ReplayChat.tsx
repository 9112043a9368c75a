import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReplayChatLine } from '../../../common/replay/replay-view.js';
import type { WatchApi } from './commerce-api.js';
import { ChatText } from './chat/ChatText.js';
import { tc } from './chat/i18n-chat.js';
import { tr } from './i18n-replay.js';
import './chat/chat.css';

/** Lines kept on screen: the chat as it stood at this moment, not the whole show. */
const SHOWN = 60;

/**
 * The live chat beside the replay (docs/replay.md): loaded once, then the messages posted up to the
 * playing second, newest at the bottom, as viewers saw them live. Read-only: the show is over.
 * Text is rendered as text, links only where the relay marked them clickable (ChatText).
 */
export function ReplayChat({ api, sec }: { api: WatchApi; sec: number }) {
  const [lines, setLines] = useState<readonly ReplayChatLine[] | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    let stopped = false;
    void api.replayChat().then((r) => !stopped && setLines(r.ok ? r.data.lines : []));
    return () => {
      stopped = true;
    };
  }, [api]);
  const shown = useMemo(() => {
    if (!lines) return [];
    let end = 0;
    while (end < lines.length && lines[end]!.atSec <= sec) end++;
    return lines.slice(Math.max(0, end - SHOWN), end);
  }, [lines, sec]);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [shown]);
  if (!lines || lines.length === 0) return null;
  return (
    <section className="replay-chat" aria-label={tr.chatReplay} data-testid="replay-chat" data-shown={shown.length}>
      <h2 className="replay-chat-title">{tr.chatReplay}</h2>
      {shown.length === 0 ? (
        <p className="replay-chat-empty">{tr.chatNotYet}</p>
      ) : (
        <ol className="replay-chat-list" ref={listRef}>
          {shown.map(({ message: m }) => (
            <li key={m.id} className={`chat-msg role-${m.role}`} data-chat-id={m.id}>
              {m.role === 'viewer' ? <b className="chat-nick">{m.nickname}</b> : <span className="chat-role">{m.role === 'host' ? tc.host : tc.moderator}</span>}
              {m.question && <span className="chat-q">{tc.question}</span>} <ChatText text={m.text} links={m.links} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
