import type { Report } from '../../../../common/analytics.js';
import { count } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';

/** The report's chat section: how much viewers talked, and every moderation action with who did it. */
export function ChatReport({ chat }: { chat: Report['chat'] }) {
  const { t, lang, formatDate } = useI18n();
  const c = t.chat.report;
  const who = (actor: string) => (actor === 'host' ? t.chat.host : actor.startsWith('mod:') ? `${t.chat.moderator} (${actor.slice(4)})` : actor);
  return (
    <section className="card report-section" data-testid="report-chat">
      <h3>{t.chat.title}</h3>
      <div className="kpi-row">
        {([
          [c.messages, chat.messages],
          [c.questions, chat.questions],
          [c.answered, chat.answered],
          [c.hearts, chat.hearts],
          [c.blocked, chat.blocked],
          [c.removed, chat.removed],
        ] as const).map(([label, n]) => (
          <div key={label} className="kpi">
            <span className="kpi-label">{label}</span>
            <span className="kpi-value">{count(n, lang)}</span>
          </div>
        ))}
      </div>
      <h4>{c.actions}</h4>
      {chat.actions.length === 0 ? (
        <p className="muted">{c.noActions}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{c.when}</th>
              <th>{c.who}</th>
              <th>{c.what}</th>
            </tr>
          </thead>
          <tbody>
            {chat.actions.map((a, i) => (
              <tr key={i}>
                <td>{formatDate(a.at)}</td>
                <td>{who(a.actor)}</td>
                <td>{c.action[a.action] ?? a.action}{a.detail ? ` · ${a.detail}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
