import type { Stage } from '../../../common/stage.js';

/** The stage broadcast that opened a show's current quiz, and when it was written to each device. */
interface Opening {
  quizId: string;
  /** `${quizId}@${endsAt}`: the same quiz opened again is a new round. */
  round: string;
  version: number;
  at: Map<string, number>;
}

/**
 * When the relay delivered each show's latest quiz to each viewer: the moment the broadcast that
 * opened it was written to that device's socket (by this process, or acknowledged by the viewer
 * worker that wrote it). "first N" ranks from there, so a viewer whose socket got the quiz later
 * (a busier worker) loses nothing, and nothing a client sends moves it.
 *
 * Only the opening broadcast counts. A device that joined (or reconnected) after the quiz opened
 * learnt it from a later message and is ranked from the fire time: otherwise a script could read
 * the quiz on one socket and answer "instantly" from a freshly connected one. Kept in memory for
 * the latest quiz of each show only (a restarted relay ranks from the fire time, the safe side).
 */
export class QuizDeliveries {
  private readonly openings = new Map<string, Opening>();

  /** Every stage the show publishes, in order (before any of its deliveries are reported). */
  published(showId: string, stage: Stage): void {
    if (!stage.quiz) return; // the quiz ended: its answers may still arrive, keep its times
    const round = `${stage.quiz.quizId}@${stage.quiz.endsAt}`;
    if (this.openings.get(showId)?.round === round) return;
    this.openings.set(showId, { quizId: stage.quiz.quizId, round, version: stage.version, at: new Map() });
  }

  /** A stage broadcast reached these devices at `at` (relay clock). */
  delivered(showId: string, stageVersion: number, viewerIds: readonly string[], at: number): void {
    const opening = this.openings.get(showId);
    if (!opening || opening.version !== stageVersion) return;
    for (const id of viewerIds) if (!opening.at.has(id)) opening.at.set(id, at);
  }

  /** When the opening of this quiz reached this device; null when it did not (joined later, another round, a restart). */
  deliveredAt(showId: string, quizId: string, viewerId: string): number | null {
    const opening = this.openings.get(showId);
    if (!opening || opening.quizId !== quizId) return null;
    return opening.at.get(viewerId) ?? null;
  }

  forget(showId: string): void {
    this.openings.delete(showId);
  }
}
