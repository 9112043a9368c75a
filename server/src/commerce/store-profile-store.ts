import { StoreProfile, type StoreProfileAnswer } from '../../../common/commerce/store-profile.js';
import type { Db } from '../db/database.js';

/**
 * The seller's store profile (docs/store-profile.md): one row, the checked JSON and when it was
 * saved. Read back through the schema like every stored JSON; a row that no longer parses (edited
 * by hand, an older format) counts as "not filled in", so the page says so instead of showing half.
 */
export class StoreProfileStore {
  private cached: StoreProfileAnswer | null = null;

  constructor(private readonly db: Db) {}

  get(): StoreProfileAnswer {
    if (this.cached) return this.cached;
    const row = this.db.prepare('SELECT profile, updated_at FROM store_profile WHERE id = 1').get() as { profile: string; updated_at: string } | undefined;
    let answer: StoreProfileAnswer = { profile: null, updatedAt: null };
    if (row) {
      const parsed = StoreProfile.safeParse(safeJson(row.profile));
      if (parsed.success) answer = { profile: parsed.data, updatedAt: row.updated_at };
    }
    this.cached = answer;
    return answer;
  }

  /** `profile` was parsed by the route's schema already (formatted numbers included). */
  save(profile: StoreProfile, now = new Date()): StoreProfileAnswer {
    const updatedAt = now.toISOString();
    this.db
      .prepare('INSERT INTO store_profile (id, profile, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at')
      .run(JSON.stringify(profile), updatedAt);
    this.cached = { profile, updatedAt };
    return this.cached;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
