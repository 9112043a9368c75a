import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

/**
 * Light viewer identity: a device id the relay issues (kept in the browser across reloads) plus an
 * optional nickname. Enough to hold per-viewer caps; no personal data. A viewer must be registered
 * for a show (POST /api/watch/:token/viewers, or by joining its viewer channel) before it buys,
 * claims, answers or votes there.
 */
export class ViewerRegistry {
  /** show → registered viewer ids, so the hot paths (a flash sale) do not hit SQLite to check. */
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly db: Db) {}

  register(showId: string, viewerId: string | null, nickname: string | null): { viewerId: string; nickname: string | null } {
    const id = viewerId ?? randomBytes(16).toString('base64url');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO viewers (id, nickname, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET nickname = COALESCE(excluded.nickname, viewers.nickname)').run(id, nickname, now);
      this.db.prepare('INSERT OR IGNORE INTO show_viewers (show_id, viewer_id, first_seen) VALUES (?, ?, ?)').run(showId, id, now);
    })();
    this.knownIn(showId).add(id);
    const row = this.db.prepare('SELECT nickname FROM viewers WHERE id = ?').get(id) as { nickname: string | null };
    return { viewerId: id, nickname: row.nickname };
  }

  isRegistered(showId: string, viewerId: string): boolean {
    const set = this.knownIn(showId);
    if (set.has(viewerId)) return true;
    const row = this.db.prepare('SELECT 1 FROM show_viewers WHERE show_id = ? AND viewer_id = ?').get(showId, viewerId);
    if (row) set.add(viewerId);
    return row !== undefined;
  }

  nickname(viewerId: string): string | null {
    const row = this.db.prepare('SELECT nickname FROM viewers WHERE id = ?').get(viewerId) as { nickname: string | null } | undefined;
    return row?.nickname ?? null;
  }

  uniqueViewers(showId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM show_viewers WHERE show_id = ?').get(showId) as { n: number }).n;
  }

  private knownIn(showId: string): Set<string> {
    let set = this.known.get(showId);
    if (!set) this.known.set(showId, (set = new Set()));
    return set;
  }
}
