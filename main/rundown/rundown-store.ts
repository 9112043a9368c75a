import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { Id } from '../../common/commerce/catalog.js';
import { StudioError } from '../../common/ipc-contract.js';
import { Rundown, Segment } from '../../common/rundown.js';
import { newId, nowIso, parseInput, parseStored } from '../catalog/store-util.js';

/** What the editor saves: everything but the id and the time stamp. */
export const RundownInput = Rundown.omit({ id: true, updatedAt: true });
export type RundownInput = z.input<typeof RundownInput>;

interface RundownRow {
  id: string;
  name: string;
  show_id: string | null;
  segments: string;
  updated_at: string;
}

/**
 * Run-downs, stored as one validated JSON document of segments each (see migration 2 for why).
 * Segment ids and cue ids must each be unique within the run-down: the live view tracks fired
 * cues and the current segment by id. Cues may name catalog items that were deleted since; that
 * is caught, clearly, when the cue fires.
 */
export class RundownStore {
  constructor(private readonly db: Database.Database) {}

  /** Most recently edited first: the one for tonight's show is usually on top. */
  list(): Rundown[] {
    return (this.db.prepare('SELECT * FROM rundowns ORDER BY updated_at DESC, rowid DESC').all() as RundownRow[]).map(toRundown);
  }

  get(id: string): Rundown | null {
    const row = this.db.prepare('SELECT * FROM rundowns WHERE id = ?').get(id) as RundownRow | undefined;
    return row ? toRundown(row) : null;
  }

  save(id: string | undefined, input: unknown): Rundown {
    const rundownId = id === undefined ? newId() : parseInput(Id, id);
    const r = parseInput(RundownInput, input);
    checkUniqueIds(r.segments);
    const now = nowIso();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rundowns (id, name, show_id, segments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, show_id = excluded.show_id, segments = excluded.segments, updated_at = excluded.updated_at`,
        )
        .run(rundownId, r.name, r.showId, JSON.stringify(r.segments), now, now);
    })();
    return this.get(rundownId)!;
  }

  /** A copy with fresh ids for the run-down, its segments and its cues: the template for the next show. */
  duplicate(id: string, name: string, showId: string | null): Rundown {
    const source = this.get(id);
    if (!source) throw StudioError.refuse({ reason: 'rundownGone', args: {} });
    const segments = source.segments.map((s) => ({ ...s, id: newId(), cues: s.cues.map((c) => ({ ...c, id: newId() })) }));
    return this.save(undefined, { name, showId, segments });
  }

  delete(id: string): void {
    this.db.transaction(() => {
      const gone = this.db.prepare('DELETE FROM rundowns WHERE id = ?').run(id).changes;
      if (!gone) throw StudioError.refuse({ reason: 'rundownGone', args: {} });
    })();
  }
}

function checkUniqueIds(segments: readonly Segment[]): void {
  const segmentIds = new Set<string>();
  const cueIds = new Map<string, string>();
  for (const s of segments) {
    if (segmentIds.has(s.id)) throw StudioError.refuse({ reason: 'segmentIdRepeated', args: { segmentId: s.id } });
    segmentIds.add(s.id);
    for (const c of s.cues) {
      const other = cueIds.get(c.id);
      if (other !== undefined)
        throw StudioError.refuse({ reason: 'cueIdRepeated', args: { cueId: c.id, segment: s.title, otherSegment: other } });
      cueIds.set(c.id, s.title);
    }
  }
}

function toRundown(r: RundownRow): Rundown {
  let segments: unknown;
  try {
    segments = JSON.parse(r.segments);
  } catch {
    segments = null;
  }
  return parseStored(Rundown, { id: r.id, name: r.name, showId: r.show_id, segments, updatedAt: r.updated_at }, `run-down “${r.name}”`);
}
