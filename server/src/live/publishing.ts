import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { TrickleCandidate } from 'janode';
import type { VideoRoomHandle } from 'janode/plugins/videoroom';
import type { Show } from '../../../common/show.js';
import type { MediaEngine, RemoteStream } from '../janus/media-engine.js';
import type { Logger } from '../log.js';
import { LiveError } from './live-error.js';
import { hasHandle, newEtag, type LiveShow, type LiveShowsEvents, type Publisher, type WhipIceSession } from './live-show.js';
import { sdpProblem } from './sdp-check.js';
import { MediaFlow } from './media-flow.js';

/** What Publishing uses of LiveShows: the show entries, starting a show, and LiveShows' own broadcasts and events. */
export interface PublishingHost {
  readonly shows: ReadonlyMap<string, LiveShow>;
  entry(showId: string): LiveShow;
  requireShow(showId: string): Show;
  start(showId: string): Show;
  /** Read on each new room: the relay sets the recorder after LiveShows exists. */
  roomRecordDir(show: Show): string | null;
  broadcastMedia(ls: LiveShow): void;
  /** LiveShows itself: publisherLost and remoteDropped are its events, listened to there. */
  readonly events: Pick<EventEmitter<LiveShowsEvents>, 'emit'>;
}

/**
 * The publishing half of LiveShows (live-shows.ts), which delegates to it: the studio's WHIP session or
 * OBS's program through the ingest, one publisher per show, and what happens when it goes away.
 */
export class Publishing {
  /** Publishing session id → show id. */
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly engine: MediaEngine,
    private readonly log: Logger,
    private readonly host: PublishingHost,
  ) {}

  /** Publishes a full SDP offer into the show's room, replacing any earlier publisher. Starts a scheduled show. */
  async publish(showId: string, offerSdp: string): Promise<{ sessionId: string; answerSdp: string; etag: string }> {
    let show = this.openShow(showId);
    // Checked before the show starts and before Janus sees it: a bad offer changes nothing.
    const problem = sdpProblem(offerSdp);
    if (problem) throw new LiveError('bad_sdp', `not a WebRTC offer: ${problem}`);
    if (show.status === 'scheduled') show = this.host.start(showId);
    const ls = this.host.entry(showId);
    return ls.queue.run(async () => {
      const room = await this.freshRoom(ls, show);
      const { handle, feed, answerSdp } = await this.engine.publish(room, 'studio', offerSdp);
      const sessionId = `ps_${randomBytes(12).toString('base64url')}`;
      const publisher: Publisher = { sessionId, handle, feed, up: false, flow: new MediaFlow(), offerSdp, etag: newEtag() };
      ls.publisher = publisher;
      ls.epoch++;
      this.sessions.set(sessionId, showId);
      this.engine.onWebrtcUp(handle, () => {
        if (ls.publisher !== publisher) return;
        publisher.up = true;
        this.host.broadcastMedia(ls);
      });
      this.engine.onMedia(handle, (kind, receiving) => {
        if (ls.publisher !== publisher || !publisher.flow.report(kind, receiving)) return;
        const flowing = !publisher.flow.stalled;
        this.log[flowing ? 'info' : 'warn'](flowing ? 'publisher media back' : 'publisher media stopped', { showId, kind });
        // Same epoch when it comes back: viewers subscribe again to it by themselves.
        this.host.broadcastMedia(ls);
      });
      this.engine.watchHandle(handle, (reason) => {
        if (ls.publisher?.sessionId !== sessionId) return;
        ls.publisher = null;
        this.sessions.delete(sessionId);
        this.log.warn('publisher lost', { showId, reason });
        this.host.broadcastMedia(ls);
        this.host.events.emit('publisherLost', showId, reason);
      });
      this.log.info('publishing', { showId, feed, epoch: ls.epoch });
      this.host.broadcastMedia(ls);
      return { sessionId, answerSdp, etag: publisher.etag };
    });
  }

  /** The show a new publisher may go into: it exists and has not ended. */
  private openShow(showId: string): Show {
    const show = this.host.requireShow(showId);
    if (show.status === 'ended') throw new LiveError('conflict', 'this show has ended; create a new show to go live again');
    return show;
  }

  /** In the show's queue: drops the earlier publisher, then the room it goes into (created on first use). */
  private async freshRoom(ls: LiveShow, show: Show): Promise<number> {
    await this.dropPublisher(ls);
    if (ls.room === null) ls.room = await this.engine.createRoom(show.title, this.host.roomRecordDir(show));
    return ls.room;
  }

  private publisherOf(sessionId: string): { ls: LiveShow; pub: Publisher & { handle: VideoRoomHandle } } | null {
    const showId = this.sessions.get(sessionId);
    const ls = showId ? this.host.shows.get(showId) : undefined;
    const pub = ls?.publisher;
    return ls && pub && hasHandle(pub) && pub.sessionId === sessionId ? { ls, pub } : null;
  }

  /** The show a WHIP session publishes into (null when it is gone). */
  showOfSession(sessionId: string): string | null {
    return this.publisherOf(sessionId)?.ls.showId ?? null;
  }

  /** The current publishing session's entity tag and offer, or null when there is no such session. */
  whipSession(sessionId: string): WhipIceSession | null {
    const found = this.publisherOf(sessionId);
    return found ? { etag: found.pub.etag, offerSdp: found.pub.offerSdp } : null;
  }

  /** Hands trickled candidates (WHIP PATCH) to Janus for the session's handle; false when the session is gone. */
  async trickle(sessionId: string, candidates: TrickleCandidate[], complete: boolean): Promise<boolean> {
    const found = this.publisherOf(sessionId);
    if (!found) return false;
    // In the show's queue: a republish in between must not get the old client's candidates.
    return found.ls.queue.run(async () => {
      if (found.ls.publisher !== found.pub) return false;
      await this.engine.trickle(found.pub.handle, candidates, complete);
      return true;
    });
  }

  /**
   * An ICE restart (WHIP PATCH with new credentials): the stored offer with the new credentials goes
   * to Janus, whose answer carries its own new ones; the session gets a new entity tag.
   */
  async restartIce(sessionId: string, offerSdp: string): Promise<{ answerSdp: string; etag: string } | null> {
    const found = this.publisherOf(sessionId);
    if (!found) return null;
    return found.ls.queue.run(async () => {
      const { ls, pub } = found;
      if (ls.publisher !== pub) return null;
      const answerSdp = await this.engine.restartPublisher(pub.handle, offerSdp);
      pub.offerSdp = offerSdp;
      pub.etag = newEtag();
      this.log.info('publisher ICE restarted', { showId: ls.showId });
      return { answerSdp, etag: pub.etag };
    });
  }

  async unpublish(sessionId: string): Promise<boolean> {
    const showId = this.sessions.get(sessionId);
    const ls = showId ? this.host.shows.get(showId) : undefined;
    if (!ls || ls.publisher?.sessionId !== sessionId) return false;
    await ls.queue.run(() => this.dropPublisher(ls));
    this.host.broadcastMedia(ls);
    return true;
  }

  /** Detaches the studio's handle, or takes OBS's remote publisher out of the room; run in the show's queue. */
  async dropPublisher(ls: LiveShow): Promise<void> {
    const pub = ls.publisher;
    if (!pub) return;
    ls.publisher = null;
    this.sessions.delete(pub.sessionId);
    if (pub.handle) return void (await pub.handle.detach().catch(() => undefined));
    if (ls.room !== null) await this.engine.removeRemotePublisher(ls.room, pub.feed);
    this.host.events.emit('remoteDropped', ls.showId, pub.sessionId);
  }

  /**
   * OBS's program through the ingest (docs/obs-mode.md): a Janus remote publisher in the show's
   * room, replacing any earlier publisher; viewers subscribe to it like to the studio's camera.
   * Returns the UDP port Janus takes its RTP on. Up (an epoch viewers play) on its first packets.
   */
  async publishRemote(showId: string, streams: readonly RemoteStream[]): Promise<{ sessionId: string; port: number }> {
    let show = this.openShow(showId);
    if (show.status === 'scheduled') show = this.host.start(showId);
    const ls = this.host.entry(showId);
    return ls.queue.run(async () => {
      const room = await this.freshRoom(ls, show);
      const { feed, port } = await this.engine.addRemotePublisher(room, 'obs', '127.0.0.1', streams);
      const sessionId = `ri_${randomBytes(12).toString('base64url')}`;
      ls.publisher = { sessionId, handle: null, feed, up: false, flow: new MediaFlow(), offerSdp: '', etag: '' };
      ls.epoch++;
      this.log.info('publishing from the ingest', { showId, feed, epoch: ls.epoch });
      return { sessionId, port };
    });
  }

  /** The ingest's packet count says whether OBS's video flows (the same stalled/back path as Janus's media events). */
  remoteFlow(showId: string, sessionId: string, flowing: boolean): void {
    const ls = this.host.shows.get(showId);
    const pub = ls?.publisher;
    if (!ls || !pub || pub.sessionId !== sessionId) return;
    const wasUp = pub.up;
    pub.up = true;
    if (pub.flow.report('video', flowing) || !wasUp) this.host.broadcastMedia(ls);
  }

  /** The ingest's connection ended: viewers see "reconnecting" until OBS comes back. */
  async unpublishRemote(showId: string, sessionId: string, reason: string): Promise<void> {
    const ls = this.host.shows.get(showId);
    if (!ls || ls.publisher?.sessionId !== sessionId) return;
    await ls.queue.run(async () => {
      if (ls.publisher?.sessionId === sessionId) await this.dropPublisher(ls);
    });
    this.host.broadcastMedia(ls);
    this.host.events.emit('publisherLost', showId, reason);
  }

  /** Janus went down: its rooms, handles and subscriptions are gone with it. */
  engineLost(): void {
    for (const ls of this.host.shows.values()) {
      const hadPublisher = ls.publisher !== null;
      if (ls.publisher) this.sessions.delete(ls.publisher.sessionId);
      ls.publisher = null;
      ls.room = null;
      for (const v of ls.viewers) v.subscriber = null;
      this.host.broadcastMedia(ls);
      if (hadPublisher) this.host.events.emit('publisherLost', ls.showId, 'media engine restarted');
    }
  }
}
