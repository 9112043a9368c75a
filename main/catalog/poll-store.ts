import type Database from 'better-sqlite3';
import { Id, PollInput, type Poll } from '../../common/commerce/catalog.js';
import { deletedLabel, forgetDeleted, itemGone, newId, nowIso, parseInput, parseStoredItem, rememberDeleted } from './store-util.js';

interface PollRow {
  id: string;
  question: string;
  choices: string;
  duration_sec: number | null;
  updated_at: string;
}

/** Polls: a question, 2–4 choices and an optional duration (null = open until the host closes it). */
export class PollStore {
  constructor(private readonly db: Database.Database) {}

  list(): Poll[] {
    return (this.db.prepare('SELECT * FROM polls ORDER BY created_at, rowid').all() as PollRow[]).map(toPoll);
  }

  get(id: string): Poll | null {
    const row = this.db.prepare('SELECT * FROM polls WHERE id = ?').get(id) as PollRow | undefined;
    return row ? toPoll(row) : null;
  }

  deletedQuestion(id: string): string | null {
    return deletedLabel(this.db, 'poll', id);
  }

  save(id: string | undefined, input: unknown): Poll {
    const pollId = id === undefined ? newId() : parseInput(Id, id);
    const p = parseInput(PollInput, input);
    const now = nowIso();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO polls (id, question, choices, duration_sec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET question = excluded.question, choices = excluded.choices, duration_sec = excluded.duration_sec, updated_at = excluded.updated_at`,
        )
        .run(pollId, p.question, JSON.stringify(p.choices), p.durationSec, now, now);
      forgetDeleted(this.db, 'poll', pollId);
    })();
    return this.get(pollId)!;
  }

  delete(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT question FROM polls WHERE id = ?').get(id) as { question: string } | undefined;
      if (!row) throw itemGone('poll');
      this.db.prepare('DELETE FROM polls WHERE id = ?').run(id);
      rememberDeleted(this.db, 'poll', id, row.question);
    })();
  }
}

function toPoll(r: PollRow): Poll {
  const input = parseStoredItem(PollInput, { question: r.question, choices: JSON.parse(r.choices) as unknown, durationSec: r.duration_sec }, 'poll', r.question);
  return { id: r.id, updatedAt: r.updated_at, ...input };
}
