import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import type { PollOpen, Stage } from '../../../common/stage.js';
import type { CommitQueue } from '../commerce/commit-queue.js';
import { NETWORK_SHARE } from '../commerce/identity.js';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { StageService } from '../live/stage-service.js';
import { EngagementError } from './errors.js';

/** At most two tallies a second per poll: a vote storm is not a message storm. */
export const TALLY_INTERVAL_MS = 500;

const keyOf = (showId: string, pollId: string) => `${showId}\u0000${pollId}`;

/**
 * Poll votes: one per viewer per poll (the table's key holds it), NETWORK_SHARE per network, only while the poll is on the
 * stage. Counts are kept in memory (loaded from the votes once) so a vote is one insert; tallies
 * go to viewers coalesced, and the same flush writes them into the stored stage for late joiners.
 */
export class PollService {
  /** The poll on each show's stage, kept from stage events so a vote does not read the stage. */
  private readonly open = new Map<string, PollOpen | null>();
  private readonly tallies = new Map<string, number[]>();
  private readonly lastSent = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Db,
    private readonly stage: StageService,
    private readonly live: LiveShows,
    private readonly catalogOf: (show: Show) => ShowCatalog | null,
    private readonly commits: CommitQueue,
    private readonly viewers: ViewerRegistry,
  ) {
    stage.on('stage', (showId, s) => this.onStage(showId, s));
  }

  private onStage(showId: string, s: Stage): void {
    const before = this.open.get(showId);
    this.open.set(showId, s.poll);
    // Opening a poll resets the stage's counts to zero; a re-opened poll already has votes.
    const reopened = s.poll && (before?.pollId !== s.poll.pollId || before.endsAt !== s.poll.endsAt);
    if (reopened && this.tally(showId, s.poll!.pollId, s.poll!.choices.length).some((n) => n > 0)) this.schedule(showId, s.poll!.pollId);
  }

  private openPoll(showId: string): PollOpen | null {
    if (!this.open.has(showId)) this.open.set(showId, this.stage.get(showId).poll);
    return this.open.get(showId) ?? null;
  }

  private tally(showId: string, pollId: string, choices: number): number[] {
    const key = keyOf(showId, pollId);
    let counts = this.tallies.get(key);
    if (!counts) {
      counts = Array.from({ length: choices }, () => 0);
      const rows = this.db.prepare('SELECT choice_index AS i, COUNT(*) AS n FROM poll_votes WHERE show_id = ? AND poll_id = ? GROUP BY choice_index').all(showId, pollId) as { i: number; n: number }[];
      for (const r of rows) if (r.i < choices) counts[r.i] = r.n;
      this.tallies.set(key, counts);
    }
    return counts;
  }

  /**
   * Counts one vote at relay time `now` from network `net` (a tag; at most NETWORK_SHARE votes per
   * network and poll); returns the poll's counts once the vote is committed (group commit).
   */
  async vote(show: Show, viewerId: string, pollId: string, choiceIndex: number, now: number, net: string | null = null): Promise<number[]> {
    const showId = show.id;
    const poll = this.openPoll(showId);
    if (!poll || poll.pollId !== pollId || (poll.endsAt !== null && poll.endsAt <= now)) {
      const known = poll?.pollId === pollId || this.catalogOf(show)?.polls.some((p) => p.id === pollId);
      if (!known) throw new EngagementError(404, 'not_found', 'there is no such poll in this show');
      throw new EngagementError(409, 'poll_closed', 'this poll is closed');
    }
    if (choiceIndex >= poll.choices.length) throw new EngagementError(400, 'bad_request', `choiceIndex: this poll has ${poll.choices.length} choices`);
    const counts = this.tally(showId, pollId, poll.choices.length);
    const added = await this.commits.run(() => {
      const at = new Date(now).toISOString();
      if (this.db.prepare('SELECT 1 FROM poll_votes WHERE show_id = ? AND poll_id = ? AND viewer_id = ?').get(showId, pollId, viewerId)) return false;
      const fromNetwork = net === null ? 0 : (this.db.prepare('SELECT COUNT(*) AS n FROM poll_votes WHERE show_id = ? AND poll_id = ? AND net = ?').get(showId, pollId, net) as { n: number }).n;
      if (fromNetwork >= NETWORK_SHARE) throw new EngagementError(409, 'network_cap', 'this poll has as many votes from your network as one network may cast');
      this.viewers.ensureRow(showId, viewerId, at);
      return this.db.prepare('INSERT OR IGNORE INTO poll_votes (show_id, poll_id, viewer_id, choice_index, voted_at, net) VALUES (?, ?, ?, ?, ?, ?)').run(showId, pollId, viewerId, choiceIndex, at, net).changes === 1;
    }, true);
    if (!added) throw new EngagementError(409, 'poll_voted', 'you already voted in this poll');
    counts[choiceIndex]! += 1;
    this.schedule(showId, pollId);
    return [...counts];
  }

  /** Leading edge at once, then at most one flush per interval with the latest counts. */
  private schedule(showId: string, pollId: string): void {
    const key = keyOf(showId, pollId);
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastSent.get(key) ?? 0) + TALLY_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => this.flush(showId, pollId), wait);
    timer.unref();
    this.timers.set(key, timer);
  }

  private flush(showId: string, pollId: string): void {
    const key = keyOf(showId, pollId);
    this.timers.delete(key);
    this.lastSent.set(key, Date.now());
    const counts = this.tallies.get(key);
    if (!counts) return;
    this.live.broadcast(showId, { type: 'pollTally', pollId, counts: [...counts] });
    this.stage.setPollCounts(showId, pollId, [...counts]);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
