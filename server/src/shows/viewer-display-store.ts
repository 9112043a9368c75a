import { DEFAULT_VIEWER_DISPLAY, ViewerDisplay } from '../../../common/viewer-display.js';
import type { Db } from '../db/database.js';

/**
 * Which overlay kinds a show's viewers see (docs/phone-layout.md), durable per show. A show that
 * never changed it gets every kind on; a rehearsal without its own setting follows the show it
 * rehearses, so the rehearsal looks like the real thing.
 */
export class ViewerDisplayStore {
  private readonly cache = new Map<string, ViewerDisplay>();

  constructor(private readonly db: Db) {}

  get(showId: string): ViewerDisplay {
    const hit = this.cache.get(showId);
    if (hit) return hit;
    const row = this.db
      .prepare(
        `SELECT d.display FROM shows s LEFT JOIN show_display own ON own.show_id = s.id LEFT JOIN show_display d ON d.show_id = CASE WHEN own.show_id IS NOT NULL THEN s.id ELSE s.rehearsal_of END WHERE s.id = ?`,
      )
      .get(showId) as { display: string | null } | undefined;
    // Read back through the schema: a row this program cannot read counts as the default, not a crash.
    const parsed = row?.display ? ViewerDisplay.safeParse(JSON.parse(row.display)) : null;
    const display = parsed?.success ? parsed.data : DEFAULT_VIEWER_DISPLAY;
    // Read on every purchase notice and viewer join: cached; save() keeps it right.
    if (row) this.cache.set(showId, display);
    return display;
  }

  save(showId: string, display: ViewerDisplay): ViewerDisplay {
    this.db
      .prepare('INSERT INTO show_display (show_id, display, updated_at) VALUES (?, ?, ?) ON CONFLICT(show_id) DO UPDATE SET display = excluded.display, updated_at = excluded.updated_at')
      .run(showId, JSON.stringify(display), new Date().toISOString());
    // A rehearsal may follow this show: forget every cached answer rather than track who follows whom.
    this.cache.clear();
    return display;
  }
}
