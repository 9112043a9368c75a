import { useCallback, useEffect, useState } from 'react';
import type { ChatAction, ModerationEntry, ModeratorChatView, StaffChatEntry } from '../../../../common/protocol/chat.js';
import { ChatText } from '../chat/ChatText.js';
import { tc } from '../chat/i18n-chat.js';
import type { ModApi } from './mod-api.js';

/** How often the page asks for the chat (a handful of moderators at most; one small GET each). */
const POLL_MS = 1500;
const SLOW_CHOICES = [0, 5, 10, 30, 60];

const who = (e: StaffChatEntry) => (e.role === 'host' ? tc.host : e.role === 'moderator' ? tc.moderator : e.nickname);
const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The moderator page a moderator link opens, made for a phone or a second laptop: the review
 * queue first, then the chat with per-message actions, the chat settings and the log.
 */
export function ModeratorApp({ api }: { api: ModApi }) {
  const [view, setView] = useState<ModeratorChatView | null>(null);
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [log, setLog] = useState<ModerationEntry[] | null>(null);
  const [duration, setDuration] = useState(600);

  const refresh = useCallback(async () => {
    const r = await api.view();
    if (r.ok) setView(r.data);
    else if (r.error.code === 'link_gone' || r.error.code === 'not_found') setGone(true);
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (action: ChatAction) => {
    const r = await api.act(action);
    setError(r.ok ? null : r.error.code === 'link_gone' ? tc.linkGone : tc.failed);
    if (!r.ok && r.error.code === 'link_gone') setGone(true);
    await refresh();
  };

  if (gone) return <main className="mod mod-gone" data-mod-gone><p>{tc.linkGone}</p></main>;
  if (!view) return <main className="mod"><p className="mod-quiet">{tc.loading}</p></main>;

  const held = view.entries.filter((e) => e.status === 'held');
  const shown = view.entries.filter((e) => e.status !== 'held').slice(-100);
  const settings = view.settings;

  return (
    <main className="mod">
      <header className="mod-head">
        <h1>{tc.modTitle}</h1>
        <p className="mod-show">{view.showTitle}</p>
        <p className="mod-quiet">{tc.modAs(view.label)} · {tc.hearts(view.hearts.toLocaleString())}</p>
      </header>
      {error && <p className="mod-error" role="alert">{error}</p>}

      <section className="mod-section" aria-labelledby="mod-review">
        <h2 id="mod-review">{tc.review} ({held.length})</h2>
        {held.length === 0 && <p className="mod-quiet">{tc.noReview}</p>}
        <ul className="mod-list">
          {held.map((e) => (
            <li key={e.id} className="mod-entry held" data-entry={e.id}>
              <div className="mod-line"><b>{who(e)}</b> <ChatText text={e.text} links={e.links} /></div>
              <div className="mod-meta">{time(e.at)} · {tc.heldFor[e.heldFor ?? ''] ?? tc.status.held}</div>
              <div className="mod-actions">
                <button type="button" onClick={() => void act({ action: 'approve', messageId: e.id })}>{tc.approve}</button>
                <button type="button" onClick={() => void act({ action: 'reject', messageId: e.id })}>{tc.reject}</button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="mod-section" aria-labelledby="mod-chat">
        <h2 id="mod-chat">{tc.chat}</h2>
        {view.state.pinned && <p className="mod-pinned">📌 {tc.pinned}: <ChatText text={view.state.pinned.text} links={view.state.pinned.links} /> <button type="button" onClick={() => void act({ action: 'unpin' })}>{tc.unpin}</button></p>}
        {view.state.caption && <p className="mod-pinned">🎙 {tc.onAir}: {view.state.caption.text} <button type="button" onClick={() => void act({ action: 'clearCaption' })}>{tc.clearCaption}</button></p>}
        <label className="mod-duration">
          {tc.timeout}:{' '}
          <select value={duration} onChange={(ev) => setDuration(Number(ev.target.value))}>
            {tc.durations.map(([s, label]) => <option key={s} value={s}>{label}</option>)}
          </select>
        </label>
        <ul className="mod-list">
          {shown.map((e) => (
            <li key={e.id} className={`mod-entry ${e.status} role-${e.role}`} data-entry={e.id}>
              <div className="mod-line">
                {e.question && <span className="mod-tag">{tc.question}</span>} <b>{who(e)}</b> <ChatText text={e.text} links={e.links} />
              </div>
              <div className="mod-meta">{time(e.at)}{e.status !== 'visible' ? ` · ${tc.status[e.status]}` : ''}{e.answered ? ` · ${tc.answer}` : ''}</div>
              {e.status === 'visible' && (
                <div className="mod-actions">
                  <button type="button" onClick={() => void act({ action: 'delete', messageId: e.id })}>{tc.remove}</button>
                  <button type="button" onClick={() => void act({ action: 'pin', messageId: e.id })}>{tc.pin}</button>
                  {e.question && !e.answered && <button type="button" onClick={() => void act({ action: 'answer', messageId: e.id, caption: true })}>{tc.caption}</button>}
                  {e.viewerId && (
                    <>
                      <button type="button" onClick={() => void act({ action: 'timeout', viewerId: e.viewerId!, seconds: duration })}>{tc.timeout}</button>
                      <button type="button" onClick={() => void act({ action: 'hide', viewerId: e.viewerId! })}>{tc.hide}</button>
                      <button type="button" className="danger" onClick={() => window.confirm(tc.confirmBan(e.nickname)) && void act({ action: 'ban', viewerId: e.viewerId! })}>{tc.ban}</button>
                    </>
                  )}
                </div>
              )}
              {e.status !== 'visible' && e.viewerId && <div className="mod-actions"><button type="button" onClick={() => void act({ action: 'lift', viewerId: e.viewerId! })}>{tc.lift}</button></div>}
            </li>
          ))}
        </ul>
        <form
          className="mod-compose"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!draft.trim()) return;
            void api.post(draft).then((r) => {
              setError(r.ok ? null : tc.failed);
              if (r.ok) setDraft('');
              return refresh();
            });
          }}
        >
          <input value={draft} maxLength={200} onChange={(ev) => setDraft(ev.target.value)} placeholder={tc.placeholder} aria-label={tc.placeholder} />
          <button type="submit">{tc.send}</button>
        </form>
      </section>

      <section className="mod-section" aria-labelledby="mod-settings">
        <h2 id="mod-settings">{tc.settings}</h2>
        <label>
          <select value={settings.slowModeSec} onChange={(ev) => void api.settings({ ...settings, slowModeSec: Number(ev.target.value) }).then(refresh)} aria-label={tc.slowOff}>
            {SLOW_CHOICES.map((s) => <option key={s} value={s}>{s === 0 ? tc.slowOff : tc.slowMode(s)}</option>)}
          </select>
        </label>
        <label className="mod-check"><input type="checkbox" checked={settings.frozen} onChange={(ev) => void api.settings({ ...settings, frozen: ev.target.checked }).then(refresh)} /> {tc.freeze}</label>
        <label className="mod-check"><input type="checkbox" checked={settings.holdAll} onChange={(ev) => void api.settings({ ...settings, holdAll: ev.target.checked }).then(refresh)} /> {tc.holdAll}</label>
      </section>

      <section className="mod-section">
        <details onToggle={(ev) => (ev.currentTarget as HTMLDetailsElement).open && void api.log().then((r) => r.ok && setLog(r.data))}>
          <summary>{tc.log}</summary>
          <ul className="mod-log">
            {(log ?? []).map((l, i) => <li key={i}>{new Date(l.at).toLocaleString()} · {l.actor} · {l.action}{l.detail ? ` · ${l.detail}` : ''}</li>)}
          </ul>
        </details>
      </section>
    </main>
  );
}
