import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ChatMessage } from '../../../../common/protocol/chat.js';
import type { ChatStore, PurchaseNote } from './chat-store.js';
import { ChatText } from './ChatText.js';
import { useDisplay } from '../display-context.js';
import { c } from '../i18n-commerce.js';
import { tc } from './i18n-chat.js';
import './chat.css';

function PurchaseLine({ note }: { note: PurchaseNote }) {
  return (
    <li className="chat-purchase" data-testid="chat-purchase">
      🛍 {c.bought(note.buyer, note.productName, note.quantity)}
    </li>
  );
}

const who = (m: ChatMessage) => (m.role === 'host' ? tc.host : m.role === 'moderator' ? tc.moderator : m.nickname);

/**
 * The viewer's chat: pinned message, the messages (host and moderators stand out by a role label no
 * nickname can imitate), and the input with "as a question" and a heart button. Refusals are told
 * to the sender in place; nothing is ever rendered as markup.
 */
export function ChatPanel({ chat, hasNickname, onNeedNickname }: { chat: ChatStore; hasNickname: boolean; onNeedNickname: () => void }) {
  const view = useSyncExternalStore(chat.subscribe, chat.getSnapshot);
  const [draft, setDraft] = useState('');
  const [question, setQuestion] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  // Notices off: the relay sends no more; the ones already in the flow go too, as the host asked.
  const purchases = useDisplay().purchases ? view.purchases : [];

  // Follow new messages unless the viewer scrolled up to read.
  useEffect(() => {
    const el = listRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [view.messages, view.purchases]);

  useEffect(() => {
    if (view.refusal?.code === 'nickname_required') onNeedNickname();
  }, [view.refusal, onNeedNickname]);

  const submit = () => {
    if (!hasNickname) return onNeedNickname();
    if (chat.send(draft, question)) {
      setDraft('');
      setQuestion(false);
    }
  };

  const { state, refusal } = view;
  const wait = refusal?.retryAt ? Math.max(1, Math.ceil((refusal.retryAt - Date.now()) / 1000)) : null;
  return (
    <section className="chat" aria-label={tc.chat} data-testid="chat">
      {state.pinned && (
        <p className="chat-pinned" data-testid="chat-pinned">
          <span className="chat-pin-label">📌 {tc.pinned}</span> <b>{who(state.pinned)}</b> <ChatText text={state.pinned.text} links={state.pinned.links} />
        </p>
      )}
      <ol
        className="chat-list"
        ref={listRef}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        aria-live="polite"
      >
        {purchases.filter((p) => p.afterMessageId === null).map((p) => <PurchaseLine key={`p${p.key}`} note={p} />)}
        {view.messages.map((m) => [
          <li key={m.id} className={`chat-msg role-${m.role}${m.visibility === 'pending' ? ' pending' : ''}`} data-chat-id={m.id}>
            {m.role !== 'viewer' && <span className="chat-role">{who(m)}</span>}
            {m.role === 'viewer' && <b className="chat-nick">{m.nickname}</b>}
            {m.question && <span className="chat-q">{tc.question}</span>} <ChatText text={m.text} links={m.links} />
            {m.visibility === 'pending' && <small className="chat-note"> · {tc.pending}</small>}
          </li>,
          ...purchases.filter((p) => p.afterMessageId === m.id).map((p) => <PurchaseLine key={`p${p.key}`} note={p} />),
        ])}
      </ol>
      {(state.frozen || state.slowModeSec > 0) && <p className="chat-mode">{state.frozen ? tc.frozen : tc.slowMode(state.slowModeSec)}</p>}
      {refusal && (
        <p className="chat-refusal" role="alert" data-testid="chat-refusal" data-code={refusal.code}>
          {tc.refusal[refusal.code]} {wait !== null && refusal.code !== 'timed_out' ? tc.waitSeconds(wait) : ''}
        </p>
      )}
      <form
        className="chat-compose"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <button type="button" className={`chat-qtoggle${question ? ' on' : ''}`} aria-pressed={question} onClick={() => setQuestion((q) => !q)} title={tc.asQuestion}>
          {tc.question}
        </button>
        <input
          value={draft}
          maxLength={200}
          enterKeyHint="send"
          onChange={(e) => {
            setDraft(e.target.value);
            if (refusal) chat.clearRefusal();
          }}
          placeholder={hasNickname ? tc.placeholder : tc.refusal.nickname_required}
          aria-label={tc.placeholder}
          disabled={!hasNickname}
          data-testid="chat-input"
        />
        <button type="submit" className="chat-send" disabled={!hasNickname || draft.trim() === '' || view.sending} data-testid="chat-send">
          {tc.send}
        </button>
        <button type="button" className="chat-heart" aria-label={tc.heart} onClick={() => chat.heart()} data-testid="chat-heart">
          ♥
        </button>
      </form>
    </section>
  );
}

/** The question the host is answering on air, over the picture. */
export function ChatCaption({ chat }: { chat: ChatStore }) {
  const { state } = useSyncExternalStore(chat.subscribe, chat.getSnapshot);
  if (!state.caption) return null;
  return (
    <div className="chat-caption" data-testid="chat-caption">
      <span className="chat-caption-label">{tc.onAir}</span> <b>{state.caption.nickname}</b> {state.caption.text}
    </div>
  );
}

/** Floating hearts: each arriving heart rises once (at most a dozen on screen; a flood is summed). */
export function HeartRain({ chat }: { chat: ChatStore }) {
  const { heartsToShow } = useSyncExternalStore(chat.subscribe, chat.getSnapshot);
  const [hearts, setHearts] = useState<number[]>([]);
  const next = useRef(0);
  useEffect(() => {
    if (heartsToShow <= 0) return;
    const n = Math.min(heartsToShow, 12 - hearts.length);
    chat.heartsShown(heartsToShow);
    if (n <= 0) return;
    const ids = Array.from({ length: n }, () => next.current++);
    setHearts((h) => [...h, ...ids]);
    const timer = setTimeout(() => setHearts((h) => h.filter((id) => !ids.includes(id))), 1800);
    return () => clearTimeout(timer);
  }, [heartsToShow, hearts.length, chat]);
  return (
    <div className="heart-rain" aria-hidden="true">
      {hearts.map((id) => (
        <span key={id} className="heart" style={{ left: `${(id * 37) % 60}%`, animationDelay: `${(id % 5) * 80}ms` }}>
          ♥
        </span>
      ))}
    </div>
  );
}
