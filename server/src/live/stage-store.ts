import { applyStageOp, EMPTY_STAGE, expireStage, Stage, type StageOp } from '../../../common/stage.js';
import { preparer } from '../commerce/sql.js';
import { writeWithoutFsync, type Db } from '../db/database.js';

export class StageError extends Error {
  constructor(
    readonly code: 'stale_stage' | 'too_many_pinned' | 'nothing_to_close',
    message: string,
  ) {
    super(message);
  }
}

export interface Firing {
  firingId: string;
  baseVersion: number;
  captureMs: number | null;
  op: StageOp;
}

/**
 * The stage per show, durable in SQLite. A firing is applied in one transaction with its log row,
 * so a retried firing (same id) is one change, and two studio windows that saw the same version
 * cannot both apply: the second gets `stale_stage`.
 */
export class StageStore {
  /** Cached statements for the stage read each viewer's join and message make. */
  private readonly q: ReturnType<typeof preparer>;

  constructor(private readonly db: Db) {
    this.q = preparer(db);
  }

  get(showId: string): Stage {
    const row = this.q('SELECT stage FROM show_stage WHERE show_id = ?').get(showId) as { stage: string } | undefined;
    if (!row) return EMPTY_STAGE;
    const parsed = Stage.safeParse(JSON.parse(row.stage));
    // A row this program cannot read is treated as an empty stage rather than taking the show down.
    return parsed.success ? parsed.data : EMPTY_STAGE;
  }

  /**
   * Returns the new stage, or the stage that firing produced when it was already applied. Written
   * without an fsync of its own (docs/decisions.md, "A cue's record"): a crash loses nothing (WAL),
   * and the next durable commit — any answer, claim or order — makes it survive a power cut too.
   */
  fire(showId: string, firing: Firing, now: number): { stage: Stage; duplicate: boolean } {
    return writeWithoutFsync(this.db, () => {
      const seen = this.db.prepare('SELECT stage_version FROM cue_firings WHERE show_id = ? AND firing_id = ?').get(showId, firing.firingId);
      if (seen) return { stage: this.get(showId), duplicate: true };
      const current = expireStage(this.get(showId), now);
      if (firing.baseVersion !== current.version && firing.baseVersion !== this.get(showId).version)
        throw new StageError('stale_stage', 'Another studio window changed what viewers see. Check the stage and fire again.');
      const result = applyStageOp(current, firing.op, now);
      if (!result.ok) throw new StageError(result.code, result.message);
      this.write(showId, result.stage);
      this.db
        .prepare('INSERT INTO cue_firings (show_id, firing_id, fired_at, capture_ms, op, stage_version) VALUES (?, ?, ?, ?, ?, ?)')
        .run(showId, firing.firingId, new Date(now).toISOString(), firing.captureMs, JSON.stringify(firing.op), result.stage.version);
      return { stage: result.stage, duplicate: false };
    });
  }

  /** Drops a coupon, quiz or poll whose time is up; returns the new stage when something changed. */
  expire(showId: string, now: number): Stage | null {
    return this.db.transaction(() => {
      const current = this.get(showId);
      const next = expireStage(current, now);
      if (next === current) return null;
      this.write(showId, next);
      return next;
    })();
  }

  /**
   * Writes a poll's live counts into the stored stage so a late joiner's `welcome` shows them.
   * Same version: counts are not a cue (the studio's next firing must not become stale), and
   * viewers already on the page get them as `pollTally`. false when that poll is not on the stage.
   */
  setPollCounts(showId: string, pollId: string, counts: number[]): boolean {
    return this.db.transaction(() => {
      const current = this.get(showId);
      if (current.poll?.pollId !== pollId) return false;
      this.write(showId, { ...current, poll: { ...current.poll, counts } });
      return true;
    })();
  }

  private write(showId: string, stage: Stage): void {
    this.db
      .prepare(
        'INSERT INTO show_stage (show_id, version, stage, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(show_id) DO UPDATE SET version = excluded.version, stage = excluded.stage, updated_at = excluded.updated_at',
      )
      .run(showId, stage.version, JSON.stringify(stage), new Date().toISOString());
  }

  firingCount(showId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM cue_firings WHERE show_id = ?').get(showId) as { n: number }).n;
  }
}

/** The soonest moment something on the stage runs out, or null. */
export function nextExpiry(stage: Stage): number | null {
  const times = [stage.coupon?.endsAt, stage.quiz?.endsAt, stage.poll?.endsAt ?? undefined].filter((t): t is number => typeof t === 'number');
  return times.length ? Math.min(...times) : null;
}
