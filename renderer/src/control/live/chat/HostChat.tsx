import { useEffect, useRef, useState } from 'react';
import type { HostChatSettings, StaffChatEntry } from '../../../../../common/protocol/chat.js';
import { bridge } from '../../../bridge.js';
import { downloadText } from '../../../commerce/download.js';
import { useCatalog } from '../../../catalog/catalog-data.js';
import { useI18n } from '../../../i18n/i18n.js';
import { mentionedProduct, openQuestions } from './question-queue.js';
import { useHostChat } from './useHostChat.js';
import { useHostChatKeys } from './useHostChatKeys.js';
import './host-chat.css';

type Tab = 'questions' | 'all' | 'review';

/**
 * The host's chat beside the video while live: the question queue (A answers the top one and puts
 * it on viewers' screens, X takes it down), every message with its actions, the review queue, and
 * a reply box (R) with quick replies (Alt+1…9). Moderation settings and moderator links below.
 */
export function HostChat({ showId, live }: { showId: string; live: boolean }) {
  const { t } = useI18n();
  const c = t.chat;
  const chat = useHostChat(showId);
  const { items } = useCatalog();
  const [tab, setTab] = useState<Tab>('questions');
  const [draft, setDraft] = useState('');
  const [host, setHost] = useState<HostChatSettings | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const questions = openQuestions(chat.entries);
  const held = chat.entries.filter((e) => e.status === 'held');

  useEffect(() => {
    void bridge.invoke('chat.hostSettings.get', {}).then(setHost, () => undefined);
  }, []);
  useRepeatingNotice(host, live, chat.post);

  const answerTop = () => {
    const top = questions[0];
    if (top) void chat.act({ action: 'answer', messageId: top.id, caption: true });
  };
  useHostChatKeys({ focusReply: () => inputRef.current?.focus(), answerTop, clearCaption: () => void chat.act({ action: 'clearCaption' }) });

  const send = async () => {
    if (draft.trim() && (await chat.post(draft))) setDraft('');
  };
  const list = tab === 'questions' ? questions : tab === 'review' ? held : chat.entries.slice(-120);
  const empty = tab === 'questions' ? c.noQuestions : c.noMessages;

  return (
    <section className="card host-chat" data-testid="host-chat" aria-label={c.title}>
      <header className="host-chat-head">
        <h3>{c.title}</h3>
        <span className="muted">{c.hearts(chat.hearts.toLocaleString())}</span>
      </header>
      {chat.state?.caption && (
        <p className="host-chat-caption" data-testid="host-chat-caption">
          <b>{c.onAir}:</b> {chat.state.caption.nickname} — {chat.state.caption.text}{' '}
          <button type="button" className="btn small ghost" onClick={() => void chat.act({ action: 'clearCaption' })}>
            {c.clearCaption}
          </button>
        </p>
      )}
      {chat.state?.pinned && (
        <p className="host-chat-pinned">
          📌 {chat.state.pinned.text}{' '}
          <button type="button" className="btn small ghost" onClick={() => void chat.act({ action: 'unpin' })}>
            {c.unpin}
          </button>
        </p>
      )}
      <div className="host-chat-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'questions'} onClick={() => setTab('questions')} data-testid="chat-tab-questions">{c.questions(questions.length)}</button>
        <button type="button" role="tab" aria-selected={tab === 'all'} onClick={() => setTab('all')} data-testid="chat-tab-all">{c.all}</button>
        <button type="button" role="tab" aria-selected={tab === 'review'} onClick={() => setTab('review')} data-testid="chat-tab-review">{c.review(held.length)}</button>
      </div>
      <ol className="host-chat-list" data-testid="host-chat-list">
        {list.length === 0 && <li className="muted">{empty}</li>}
        {list.map((e, i) => (
          <Entry key={e.id} entry={e} top={tab === 'questions' && i === 0} mention={e.role === 'viewer' ? mentionedProduct(e.text, items.products ?? [])?.name ?? null : null} act={chat.act} />
        ))}
      </ol>
      <form
        className="host-chat-reply"
        onSubmit={(ev) => {
          ev.preventDefault();
          void send();
        }}
      >
        <input
          ref={inputRef}
          value={draft}
          maxLength={200}
          placeholder={c.replyPlaceholder}
          aria-label={c.replyPlaceholder}
          data-testid="host-chat-input"
          onChange={(ev) => setDraft(ev.target.value)}
          onKeyDown={(ev) => {
            if (ev.key === 'Escape') ev.currentTarget.blur();
            const n = /^Digit([1-9])$/.exec(ev.code);
            const reply = n && ev.altKey ? host?.quickReplies[Number(n[1]) - 1] : undefined;
            if (reply) {
              ev.preventDefault();
              setDraft((d) => (d ? `${d} ${reply}` : reply));
            }
          }}
        />
        <button type="submit" className="btn small primary" disabled={!draft.trim()}>
          {c.send}
        </button>
      </form>
      {host && host.quickReplies.length > 0 && (
        <p className="host-chat-quick muted">
          {c.quickReplies}: {host.quickReplies.map((q, i) => <button key={i} type="button" className="chip" title={q} onClick={() => setDraft(q)}>{i + 1}</button>)}
        </p>
      )}
      {chat.error && <p className="banner banner-error" role="alert">{c.failed(chat.error)}</p>}
      <ChatSettingsPanel showId={showId} chat={chat} host={host} onHostSaved={setHost} />
    </section>
  );
}

function Entry({ entry: e, top, mention, act }: { entry: StaffChatEntry; top: boolean; mention: string | null; act: ReturnType<typeof useHostChat>['act'] }) {
  const { t } = useI18n();
  const c = t.chat;
  const name = e.role === 'host' ? c.host : e.role === 'moderator' ? c.moderator : e.nickname;
  const status = e.status === 'visible' ? null : c[e.status];
  return (
    <li className={`host-chat-entry ${e.status} role-${e.role}${top ? ' top' : ''}`} data-chat-id={e.id}>
      <div>
        <b>{name}</b> {e.text}
        {mention && <span className="chip">{c.mentions(mention)}</span>}
        {status && <span className="muted"> · {status}</span>}
      </div>
      <div className="host-chat-actions">
        {e.status === 'held' && (
          <>
            <button type="button" className="btn small" onClick={() => void act({ action: 'approve', messageId: e.id })}>{c.approve}</button>
            <button type="button" className="btn small ghost" onClick={() => void act({ action: 'reject', messageId: e.id })}>{c.reject}</button>
          </>
        )}
        {e.status === 'visible' && e.question && !e.answered && (
          <button type="button" className="btn small primary" onClick={() => void act({ action: 'answer', messageId: e.id, caption: true })} data-testid="chat-answer">{c.answer}</button>
        )}
        {e.status === 'visible' && (
          <>
            <button type="button" className="btn small ghost" onClick={() => void act({ action: 'pin', messageId: e.id })}>{c.pin}</button>
            <button type="button" className="btn small ghost" onClick={() => void act({ action: 'delete', messageId: e.id })}>{c.remove}</button>
          </>
        )}
        {e.viewerId && e.status !== 'deleted' && (
          <>
            <button type="button" className="btn small ghost" onClick={() => void act({ action: 'timeout', viewerId: e.viewerId!, seconds: 600 })}>{c.timeout}</button>
            <button type="button" className="btn small danger" onClick={() => window.confirm(c.confirmBan(e.nickname)) && void act({ action: 'ban', viewerId: e.viewerId! })}>{c.ban}</button>
          </>
        )}
      </div>
    </li>
  );
}

/** Posts the seller's notice every N minutes while the show is live (never while rehearsing off-air). */
function useRepeatingNotice(host: HostChatSettings | null, live: boolean, post: (text: string) => Promise<boolean>): void {
  useEffect(() => {
    const notice = host?.notice;
    if (!live || !notice) return;
    const id = setInterval(() => void post(notice.text), notice.everyMin * 60_000);
    return () => clearInterval(id);
  }, [host, live, post]);
}

function ChatSettingsPanel({ showId, chat, host, onHostSaved }: { showId: string; chat: ReturnType<typeof useHostChat>; host: HostChatSettings | null; onHostSaved: (h: HostChatSettings) => void }) {
  const { t } = useI18n();
  const c = t.chat;
  const s = chat.settings;
  const [label, setLabel] = useState('');
  const [links, setLinks] = useState<{ id: string; label: string; url: string; revokedAt: string | null }[]>([]);
  const [noticeText, setNoticeText] = useState(host?.notice?.text ?? '');
  const [noticeMin, setNoticeMin] = useState(host?.notice?.everyMin ?? 0);
  useEffect(() => {
    void bridge.invoke('chat.moderators.list', { showId }).then(setLinks, () => undefined);
  }, [showId]);
  useEffect(() => {
    setNoticeText(host?.notice?.text ?? '');
    setNoticeMin(host?.notice?.everyMin ?? 0);
  }, [host]);
  return (
    <details className="host-chat-settings">
      <summary>{c.settings}</summary>
      {s && (
        <div className="host-chat-controls">
          <select value={s.slowModeSec} onChange={(ev) => void chat.setSettings({ ...s, slowModeSec: Number(ev.target.value) })} aria-label={c.slowOff}>
            {[0, 5, 10, 30, 60].map((n) => <option key={n} value={n}>{n === 0 ? c.slowOff : c.slow(n)}</option>)}
          </select>
          <label><input type="checkbox" checked={s.frozen} onChange={(ev) => void chat.setSettings({ ...s, frozen: ev.target.checked })} /> {c.freeze}</label>
          <label><input type="checkbox" checked={s.holdAll} onChange={(ev) => void chat.setSettings({ ...s, holdAll: ev.target.checked })} /> {c.holdAll}</label>
        </div>
      )}
      <h4>{c.notice}</h4>
      <p className="muted">{c.noticeHint}</p>
      <div className="host-chat-controls">
        <input value={noticeText} maxLength={200} onChange={(ev) => setNoticeText(ev.target.value)} aria-label={c.notice} />
        <select value={noticeMin} onChange={(ev) => setNoticeMin(Number(ev.target.value))} aria-label={c.noticeEvery(5)}>
          {[0, 3, 5, 10, 15, 30].map((n) => <option key={n} value={n}>{n === 0 ? c.noticeOff : c.noticeEvery(n)}</option>)}
        </select>
        <button
          type="button"
          className="btn small"
          onClick={() => {
            const next: HostChatSettings = { quickReplies: host?.quickReplies ?? [], notice: noticeMin > 0 && noticeText.trim() ? { text: noticeText.trim(), everyMin: noticeMin } : null };
            void bridge.invoke('chat.hostSettings.save', next).then(onHostSaved, () => undefined);
          }}
        >
          {c.save}
        </button>
      </div>
      <h4>{c.moderators}</h4>
      <p className="muted">{c.moderatorsHint}</p>
      <ul className="host-chat-mods">
        {links.map((l) => (
          <li key={l.id}>
            {l.label} {l.revokedAt ? <span className="muted">({c.revoked})</span> : (
              <>
                <button type="button" className="btn small ghost" onClick={() => void navigator.clipboard?.writeText(l.url)}>{c.copy}</button>
                <button type="button" className="btn small ghost" onClick={() => void bridge.invoke('chat.moderators.revoke', { linkId: l.id }).then((r) => setLinks((all) => all.map((x) => (x.id === r.id ? r : x))))}>{c.revoke}</button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="host-chat-controls"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!label.trim()) return;
          void bridge.invoke('chat.moderators.create', { showId, label }).then((l) => {
            setLinks((all) => [...all, l]);
            setLabel('');
          });
        }}
      >
        <input value={label} maxLength={40} placeholder={c.newModerator} aria-label={c.newModerator} onChange={(ev) => setLabel(ev.target.value)} />
        <button type="submit" className="btn small">{c.createLink}</button>
      </form>
      <button type="button" className="btn small ghost" onClick={() => void bridge.invoke('chat.exportCsv', { showId }).then((f) => downloadText(f.filename, f.csv))}>
        {c.exportCsv}
      </button>
    </details>
  );
}
