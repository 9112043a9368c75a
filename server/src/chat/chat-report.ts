import type { Report } from '../../../common/analytics.js';
import type { Db } from '../db/database.js';

/** The report's chat section, read from the chat's own tables (written within 250 ms of each message). */
export function chatSummary(db: Db, showId: string): Report['chat'] {
  const m = db
    .prepare(
      `SELECT COUNT(*) AS messages,
              COALESCE(SUM(question = 1 AND role = 'viewer'), 0) AS questions,
              COALESCE(SUM(question = 1 AND answered_at IS NOT NULL), 0) AS answered,
              COALESCE(SUM(status IN ('deleted', 'rejected')), 0) AS removed
       FROM chat_messages WHERE show_id = ?`,
    )
    .get(showId) as { messages: number; questions: number; answered: number; removed: number };
  const hearts = (db.prepare('SELECT hearts FROM chat_settings WHERE show_id = ?').get(showId) as { hearts: number } | undefined)?.hearts ?? 0;
  const blocked = (db.prepare("SELECT COUNT(*) AS n FROM chat_moderation WHERE show_id = ? AND action = 'blocked'").get(showId) as { n: number }).n;
  const actions = (
    db.prepare("SELECT at, actor, action, detail FROM (SELECT * FROM chat_moderation WHERE show_id = ? AND action <> 'blocked' ORDER BY id DESC LIMIT 500) ORDER BY id").all(showId) as Report['chat']['actions']
  );
  return { ...m, hearts, blocked, actions };
}
