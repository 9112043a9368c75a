import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { TrickleCandidate } from 'janode';
import type { VideoRoomHandle } from 'janode/plugins/videoroom';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { PublicShow, Show } from '../../../common/show.js';
import { DEFAULT_VIEWER_DISPLAY, type ViewerDisplay } from '../../../common/viewer-display.js';
import type { MediaEngine, RemoteStream } from '../janus/media-engine.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { SerialQueue } from './serial-queue.js';
import { epochOf, hasHandle, newEtag, toPublic, type LiveShow, type LiveShowsEvents, type Publisher, type WhipIceSession } from './live-show.js';
import { chatPassCpuMs, framesOf, writeToAudience, type OnDelivered, type ViewerPeer } from './audience.js';
import { sdpProblem } from './sdp-check.js';
import { MediaFlow } from './media-flow.js';

export class LiveError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'not_live' | 'stale' | 'bad_sdp',
    message: string,
  ) {
    super(message);
  }
}

export type { OnDelivered, ShowFanout, ViewerPeer } from './audience.js';
export type { LiveShowsEvents, WhipIceSession } from './live-show.js';

/** Live state per show: Janus room, current publisher, media epoch, connected viewers. */
export class LiveShows extends EventEmitter<LiveShowsEvents> {
  private readonly shows = new Map<string, LiveShow>();
  private readonly sessions = new Map<string, string>();
  private readonly pendingCounts = new Set<string>();
  private countTimer: NodeJS.Timeout | null = null;
  private readonly pendingViewerCounts = new Set<string>();
  private viewerCountTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Set by the relay when recording is on (server/src/replay/recorder.ts). */
  recorder: { roomRecordDir(show: Show): string | null; ended(showId: string): void } | null = null;
  /** Which overlay kinds the show's viewers see; rides in PublicShow. Set by app.ts (ViewerDisplayStore). */
  displayOf: (showId: string) => ViewerDisplay = () => DEFAULT_VIEWER_DISPLAY;

  constructor(
    private readonly engine: MediaEngine,
    private readonly store: ShowStore,
    private readonly log: Logger,
  ) {
    super();
    engine.on('state', (state) => {
      if (state === 'down') this.engineLost();
    });
  }

  private entry(showId: string): LiveShow {
    let ls = this.shows.get(showId);
    if (!ls) {
      ls = { showId, room: null, publisher: null, epoch: 0, viewers: new Set(), local: new Set(), fanouts: new Map(), queue: new SerialQueue() };
      this.shows.set(showId, ls);
    }
    return ls;
  }

  private requireShow(showId: string): Show {
    const show = this.store.get(showId);
    if (!show) throw new LiveError('not_found', `no show with id ${showId}`);
    return show;
  }

  mediaEpoch(showId: string): number | null {
    const ls = this.shows.get(showId);
    return ls ? epochOf(ls) : null;
  }

  viewerCount(showId: string): number {
    return this.shows.get(showId)?.viewers.size ?? 0;
  }

  totalViewers(): number {
    let n = 0;
    for (const ls of this.shows.values()) n += ls.viewers.size;
    return n;
  }

  publicShow(showId: string): PublicShow {
    return toPublic(this.requireShow(showId), this.displayOf(showId));
  }

  start(showId: string): Show {
    const show = this.store.start(showId);
    this.changed(show);
    return show;
  }

  async end(showId: string): Promise<Show> {
    const show = this.store.end(showId);
    const ls = this.shows.get(showId);
    if (ls) {
      await ls.queue.run(async () => {
        await this.dropSubscribers(ls.viewers);
        await this.dropPublisher(ls);
        if (ls.room !== null) await this.engine.destroyRoom(ls.room);
        ls.room = null;
      });
    }
    // After the room is gone: Janus has closed the recording's files.
    this.recorder?.ended(showId);
    this.changed(show);
    return show;
  }

  /** Publishes a full SDP offer into the show's room, replacing any earlier publisher. Starts a scheduled show. */
  async publish(showId: string, offerSdp: string): Promise<{ sessionId: string; answerSdp: string; etag: string }> {
    let show = this.requireShow(showId);
    if (show.status === 'ended') throw new LiveError('conflict', 'this show has ended; create a new show to go live again');
    // Checked before the show starts and before Janus sees it: a bad offer changes nothing.
    const problem = sdpProblem(offerSdp);
    if (problem) throw new LiveError('bad_sdp', `not a WebRTC offer: ${problem}`);
    if (show.status === 'scheduled') show = this.start(showId);
    const ls = this.entry(showId);
    return ls.queue.run(async () => {
      await this.dropPublisher(ls);
      if (ls.room === null) ls.room = await this.engine.createRoom(show.title, this.recorder?.roomRecordDir(show) ?? null);
      const { handle, feed, answerSdp } = await this.engine.publish(ls.room, 'studio', offerSdp);
      const sessionId = `ps_${randomBytes(12).toString('base64url')}`;
      const publisher: Publisher = { sessionId, handle, feed, up: false, flow: new MediaFlow(), offerSdp, etag: newEtag() };
      ls.publisher = publisher;
      ls.epoch++;
      this.sessions.set(sessionId, showId);
      this.engine.onWebrtcUp(handle, () => {
        if (ls.publisher !== publisher) return;
        publisher.up = true;
        this.broadcastMedia(ls);
      });
      this.engine.onMedia(handle, (kind, receiving) => {
        if (ls.publisher !== publisher || !publisher.flow.report(kind, receiving)) return;
        const flowing = !publisher.flow.stalled;
        this.log[flowing ? 'info' : 'warn'](flowing ? 'publisher media back' : 'publisher media stopped', { showId, kind });
        // Same epoch when it comes back: viewers subscribe again to it by themselves.
        this.broadcastMedia(ls);
      });
      this.engine.watchHandle(handle, (reason) => {
        if (ls.publisher?.sessionId !== sessionId) return;
        ls.publisher = null;
        this.sessions.delete(sessionId);
        this.log.warn('publisher lost', { showId, reason });
        this.broadcastMedia(ls);
        this.emit('publisherLost', showId, reason);
      });
      this.log.info('publishing', { showId, feed, epoch: ls.epoch });
      this.broadcastMedia(ls);
      return { sessionId, answerSdp, etag: publisher.etag };
    });
  }

  private publisherOf(sessionId: string): { ls: LiveShow; pub: Publisher & { handle: VideoRoomHandle } } | null {
    const showId = this.sessions.get(sessionId);
    const ls = showId ? this.shows.get(showId) : undefined;
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
    const ls = showId ? this.shows.get(showId) : undefined;
    if (!ls || ls.publisher?.sessionId !== sessionId) return false;
    await ls.queue.run(() => this.dropPublisher(ls));
    this.broadcastMedia(ls);
    return true;
  }

  addViewer(showId: string, peer: ViewerPeer): void {
    const ls = this.entry(showId);
    if (ls.viewers.has(peer)) return;
    ls.viewers.add(peer);
    if (peer.fanout) ls.fanouts.set(peer.fanout, (ls.fanouts.get(peer.fanout) ?? 0) + 1);
    else ls.local.add(peer);
    this.countChanged(showId);
    this.emit('viewerJoined', showId, peer.viewerId);
  }

  /**
   * Viewer counts go to the studio at most every 250 ms and to viewers at most every 2 s, so a
   * join storm of thousands is not a message storm.
   */
  private countChanged(showId: string): void {
    if (this.stopped) return;
    this.pendingCounts.add(showId);
    this.pendingViewerCounts.add(showId);
    this.countTimer ??= setTimeout(() => {
      this.countTimer = null;
      for (const id of this.pendingCounts) this.emit('viewers', id, this.viewerCount(id));
      this.pendingCounts.clear();
    }, 250);
    this.viewerCountTimer ??= setTimeout(() => {
      this.viewerCountTimer = null;
      for (const id of this.pendingViewerCounts) this.broadcast(id, { type: 'viewers', count: this.viewerCount(id) });
      this.pendingViewerCounts.clear();
    }, 2000);
  }

  async removeViewer(showId: string, peer: ViewerPeer): Promise<void> {
    const ls = this.shows.get(showId);
    if (!ls || !ls.viewers.delete(peer)) return;
    ls.local.delete(peer);
    const n = peer.fanout ? (ls.fanouts.get(peer.fanout) ?? 0) - 1 : 0;
    if (peer.fanout && n > 0) ls.fanouts.set(peer.fanout, n);
    else if (peer.fanout) {
      ls.fanouts.delete(peer.fanout);
      peer.fanout.forgetShow?.(showId);
    }
    this.countChanged(showId);
    this.emit('viewerLeft', showId, peer.viewerId);
    await this.dropSubscriber(peer);
    if (ls.viewers.size === 0 && !ls.publisher && ls.room === null) this.shows.delete(showId);
  }

  /** Creates a Janus subscription for the viewer and sends it Janus's offer. */
  async subscribe(showId: string, peer: ViewerPeer): Promise<void> {
    const ls = this.shows.get(showId);
    if (!ls?.publisher?.up || ls.room === null) throw new LiveError('not_live', 'there is no picture yet; wait for the show to start');
    await this.dropSubscriber(peer);
    const epoch = ls.epoch;
    let sub;
    try {
      sub = await this.engine.subscribe(ls.room, ls.publisher.feed);
    } catch (e) {
      // The feed went away between our check and Janus's answer (a republish, a drop).
      if (e instanceof Error && /no such feed|no such room|428|426/i.test(e.message)) throw new LiveError('not_live', 'the picture is changing; subscribe again');
      throw e;
    }
    const { handle, offerSdp } = sub;
    if (!ls.viewers.has(peer) || ls.epoch !== epoch) {
      await handle.detach().catch(() => undefined);
      return;
    }
    peer.subscriber = { handle, epoch };
    peer.send({ type: 'offer', epoch, sdp: offerSdp });
  }

  async answer(peer: ViewerPeer, epoch: number, sdp: string): Promise<void> {
    if (!peer.subscriber || peer.subscriber.epoch !== epoch) throw new LiveError('stale', 'that answer is for an older offer; subscribe again');
    const problem = sdpProblem(sdp);
    if (problem) throw new LiveError('bad_sdp', `not a WebRTC answer: ${problem}`);
    await this.engine.answer(peer.subscriber.handle, sdp);
  }

  private async dropSubscriber(peer: ViewerPeer): Promise<void> {
    const sub = peer.subscriber;
    peer.subscriber = null;
    await sub?.handle.detach().catch(() => undefined);
  }

  /** In parallel: a relay closing with thousands of viewers must not detach them one round trip at a time. */
  private async dropSubscribers(viewers: Iterable<ViewerPeer>): Promise<void> {
    const withSub = [...viewers].filter((v) => v.subscriber !== null);
    await Promise.all(withSub.map((v) => this.dropSubscriber(v)));
  }

  private async dropPublisher(ls: LiveShow): Promise<void> {
    const pub = ls.publisher;
    if (!pub) return;
    ls.publisher = null;
    this.sessions.delete(pub.sessionId);
    if (pub.handle) return void (await pub.handle.detach().catch(() => undefined));
    if (ls.room !== null) await this.engine.removeRemotePublisher(ls.room, pub.feed);
    this.emit('remoteDropped', ls.showId, pub.sessionId);
  }

  /**
   * OBS's program through the ingest (docs/obs-mode.md): a Janus remote publisher in the show's
   * room, replacing any earlier publisher; viewers subscribe to it like to the studio's camera.
   * Returns the UDP port Janus takes its RTP on. Up (an epoch viewers play) on its first packets.
   */
  async publishRemote(showId: string, streams: readonly RemoteStream[]): Promise<{ sessionId: string; port: number }> {
    let show = this.requireShow(showId);
    if (show.status === 'ended') throw new LiveError('conflict', 'this show has ended; create a new show to go live again');
    if (show.status === 'scheduled') show = this.start(showId);
    const ls = this.entry(showId);
    return ls.queue.run(async () => {
      await this.dropPublisher(ls);
      if (ls.room === null) ls.room = await this.engine.createRoom(show.title, this.recorder?.roomRecordDir(show) ?? null);
      const { feed, port } = await this.engine.addRemotePublisher(ls.room, 'obs', '127.0.0.1', streams);
      const sessionId = `ri_${randomBytes(12).toString('base64url')}`;
      ls.publisher = { sessionId, handle: null, feed, up: false, flow: new MediaFlow(), offerSdp: '', etag: '' };
      ls.epoch++;
      this.log.info('publishing from the ingest', { showId, feed, epoch: ls.epoch });
      return { sessionId, port };
    });
  }

  /** The ingest's packet count says whether OBS's video flows (the same stalled/back path as Janus's media events). */
  remoteFlow(showId: string, sessionId: string, flowing: boolean): void {
    const ls = this.shows.get(showId);
    const pub = ls?.publisher;
    if (!ls || !pub || pub.sessionId !== sessionId) return;
    const wasUp = pub.up;
    pub.up = true;
    if (pub.flow.report('video', flowing) || !wasUp) this.broadcastMedia(ls);
  }

  /** The ingest's connection ended: viewers see "reconnecting" until OBS comes back. */
  async unpublishRemote(showId: string, sessionId: string, reason: string): Promise<void> {
    const ls = this.shows.get(showId);
    if (!ls || ls.publisher?.sessionId !== sessionId) return;
    await ls.queue.run(async () => {
      if (ls.publisher?.sessionId === sessionId) await this.dropPublisher(ls);
    });
    this.broadcastMedia(ls);
    this.emit('publisherLost', showId, reason);
  }

  private engineLost(): void {
    for (const ls of this.shows.values()) {
      const hadPublisher = ls.publisher !== null;
      if (ls.publisher) this.sessions.delete(ls.publisher.sessionId);
      ls.publisher = null;
      ls.room = null;
      for (const v of ls.viewers) v.subscriber = null;
      this.broadcastMedia(ls);
      if (hadPublisher) this.emit('publisherLost', ls.showId, 'media engine restarted');
    }
  }

  private changed(show: Show): void {
    this.emit('show', show);
    const ls = this.shows.get(show.id);
    if (ls) this.broadcast(ls, { type: 'show', show: toPublic(show, this.displayOf(show.id)), mediaEpoch: epochOf(ls) });
  }

  /** Tells the show's viewers what they see now (same epoch: nobody resubscribes); used when the host changes the display. */
  broadcastMedia(ls: LiveShow | string): void {
    const entry = typeof ls === 'string' ? this.shows.get(ls) : ls;
    const show = entry && this.store.get(entry.showId);
    if (entry && show) this.broadcast(entry, { type: 'show', show: toPublic(show, this.displayOf(show.id)), mediaEpoch: epochOf(entry) });
  }

  /** One message to every viewer of the show (with `onDelivered`: when it reached whom, see writeToAudience). */
  broadcast(ls: LiveShow | string, message: RelayToViewer, onDelivered?: OnDelivered): void {
    const entry = typeof ls === 'string' ? this.shows.get(ls) : ls;
    if (entry) writeToAudience(entry, framesOf([message]), onDelivered);
  }

  /**
   * A chat batch: several messages to every viewer in one write per socket (their frames back to
   * back), in order with the show's other chat batches; a cue sent meanwhile may pass it.
   */
  broadcastChat(showId: string, messages: readonly RelayToViewer[]): void {
    const entry = this.shows.get(showId);
    if (entry && messages.length > 0) writeToAudience(entry, framesOf(messages), undefined, 'chat');
  }

  /** What one chat pass over the show's sockets costs its busiest worker (ms of CPU; 0 unmeasured). */
  chatPassCpuMs(showId: string): number {
    const entry = this.shows.get(showId);
    return entry ? chatPassCpuMs(entry) : 0;
  }

  /** A message to every socket of one device in the show (a chat message only its sender may see). */
  sendToViewer(showId: string, viewerId: string, message: RelayToViewer): void {
    const entry = this.shows.get(showId);
    if (!entry) return;
    for (const v of entry.viewers) if (v.viewerId === viewerId) v.send(message);
  }

  liveShowIds(): string[] {
    return [...this.shows.keys()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.countTimer) clearTimeout(this.countTimer);
    if (this.viewerCountTimer) clearTimeout(this.viewerCountTimer);
    const shows = [...this.shows.values()];
    await Promise.all(shows.map(async (ls) => {
      await this.dropSubscribers(ls.viewers);
      await this.dropPublisher(ls);
    }));
  }
}
