import { randomBytes } from 'node:crypto';
import type { Show, ShowStatus } from '../../../common/show.js';
import { preparer } from '../commerce/sql.js';
import type { Db } from '../db/database.js';

interface ShowRow {
  id: string;
  title: string;
  status: ShowStatus;
  scheduled_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
  rehearsal_of: string | null;
}

const toShow = (r: ShowRow): Show => ({
  id: r.id,
  title: r.title,
  status: r.status,
  scheduledAt: r.scheduled_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  createdAt: r.created_at,
  rehearsalOf: r.rehearsal_of,
});

export class ShowTransitionError extends Error {}
export class ShowDeleteError extends Error {
  constructor(
    readonly code: 'show_live' | 'show_has_orders',
    message: string,
  ) {
    super(message);
  }
}

/** Shows and their lifecycle: scheduled → live → ended. An ended show does not come back. */
export class ShowStore {
  /** Cached statements for the reads every viewer message makes (the chat path looks its show up per message). */
  private readonly q: ReturnType<typeof preparer>;

  constructor(private readonly db: Db) {
    this.q = preparer(db);
  }

  create(title: string, scheduledAt: string | null): Show {
    const id = `sh_${randomBytes(9).toString('base64url')}`;
    this.db
      .prepare("INSERT INTO shows (id, title, status, scheduled_at, created_at) VALUES (?, ?, 'scheduled', ?, ?)")
      .run(id, title, scheduledAt, new Date().toISOString());
    return this.get(id)!;
  }

  /** A private rehearsal of `showId`: its own show row (own room, own links), marked so nothing counts or sells. */
  createRehearsal(showId: string): Show {
    const show = this.require(showId);
    if (show.rehearsalOf) throw new ShowTransitionError('this is already a rehearsal; rehearse the real show instead');
    const id = `sh_${randomBytes(9).toString('base64url')}`;
    // Same title: viewers see a REHEARSAL badge, the studio marks it by rehearsalOf.
    const title = show.title;
    this.db
      .prepare("INSERT INTO shows (id, title, status, scheduled_at, created_at, rehearsal_of) VALUES (?, ?, 'scheduled', NULL, ?, ?)")
      .run(id, title, new Date().toISOString(), show.id);
    return this.require(id);
  }

  get(id: string): Show | undefined {
    const row = this.q('SELECT * FROM shows WHERE id = ?').get(id) as ShowRow | undefined;
    return row && toShow(row);
  }

  list(): Show[] {
    return (this.db.prepare('SELECT * FROM shows ORDER BY created_at DESC LIMIT 200').all() as ShowRow[]).map(toShow);
  }

  listLive(): Show[] {
    return (this.db.prepare("SELECT * FROM shows WHERE status = 'live'").all() as ShowRow[]).map(toShow);
  }

  rename(id: string, title: string): Show {
    this.require(id);
    this.db.prepare('UPDATE shows SET title = ? WHERE id = ?').run(title, id);
    // A rehearsal carries its show's title.
    this.db.prepare('UPDATE shows SET title = ? WHERE rehearsal_of = ?').run(title, id);
    return this.require(id);
  }

  /**
   * Deletes a show and everything that hangs off it (the schema cascades: links, rehearsals, stage,
   * cue firings, catalog, stock, claims, answers, votes, segments, funnel, samples). A live show is
   * refused, and so is one with orders: records of sale are kept (Korean e-commerce law asks five years).
   */
  delete(id: string): void {
    const show = this.require(id);
    if (show.status === 'live') throw new ShowDeleteError('show_live', 'this show is live; end it before deleting it');
    const family = 'SELECT id FROM shows WHERE id = ? OR rehearsal_of = ?';
    if (this.db.prepare(`SELECT EXISTS (SELECT 1 FROM shows WHERE rehearsal_of = ? AND status = 'live')`).pluck().get(id))
      throw new ShowDeleteError('show_live', 'a rehearsal of this show is live; end it before deleting the show');
    if (this.db.prepare(`SELECT EXISTS (SELECT 1 FROM orders WHERE show_id IN (${family}))`).pluck().get(id, id))
      throw new ShowDeleteError('show_has_orders', 'this show has orders; they are kept as records of sale, so the show cannot be deleted');
    this.db.transaction(() => {
      // The chat's tables (migration 6) reference shows without a cascade: their rows go first.
      // Relay-wide sanctions (bans) stay; they protect the seller beyond one show.
      for (const table of ['chat_messages', 'chat_settings', 'moderator_links', 'chat_moderation'])
        this.db.prepare(`DELETE FROM ${table} WHERE show_id IN (${family})`).run(id, id);
      this.db.prepare('DELETE FROM shows WHERE rehearsal_of = ?').run(id);
      this.db.prepare('DELETE FROM shows WHERE id = ?').run(id);
    })();
  }

  start(id: string): Show {
    const show = this.require(id);
    if (show.status === 'live') return show;
    if (show.status === 'ended') throw new ShowTransitionError('this show has ended; create a new show to go live again');
    this.db.prepare("UPDATE shows SET status = 'live', started_at = ? WHERE id = ?").run(new Date().toISOString(), id);
    return this.require(id);
  }

  end(id: string): Show {
    const show = this.require(id);
    if (show.status === 'ended') return show;
    this.db.prepare("UPDATE shows SET status = 'ended', ended_at = ? WHERE id = ?").run(new Date().toISOString(), id);
    return this.require(id);
  }

  private require(id: string): Show {
    const show = this.get(id);
    if (!show) throw new ShowTransitionError(`no show with id ${id}`);
    return show;
  }
}
