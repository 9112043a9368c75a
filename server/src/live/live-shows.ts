import { EventEmitter } from 'node:events';
import type { TrickleCandidate } from 'janode';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { PublicShow, Show } from '../../../common/show.js';
import { DEFAULT_VIEWER_DISPLAY, type ViewerDisplay } from '../../../common/viewer-display.js';
import type { MediaEngine, RemoteStream } from '../janus/media-engine.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { SerialQueue } from './serial-queue.js';
import { epochOf, toPublic, type LiveShow, type LiveShowsEvents, type WhipIceSession } from './live-show.js';
import { framesOf, writeToAudience, type OnDelivered, type ViewerPeer } from './audience.js';
import { LiveError } from './live-error.js';
import { sdpProblem } from './sdp-check.js';
import { Publishing } from './publishing.js';

export { LiveError } from './live-error.js';
export type { OnDelivered, ShowFanout, ViewerPeer } from './audience.js';
export type { LiveShowsEvents, WhipIceSession } from './live-show.js';

/** Live state per show: Janus room, current publisher, media epoch, connected viewers. */
export class LiveShows extends EventEmitter<LiveShowsEvents> {
  private readonly shows = new Map<string, LiveShow>();
  private readonly pendingCounts = new Set<string>();
  private countTimer: NodeJS.Timeout | null = null;
  private readonly pendingViewerCounts = new Set<string>();
  private viewerCountTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private pendingChat: ((showId: string) => readonly RelayToViewer[]) | null = null;
  /** Set by the relay when recording is on (server/src/replay/recorder.ts). */
  recorder: { roomRecordDir(show: Show): string | null; ended(showId: string): void } | null = null;
  /** Which overlay kinds the show's viewers see; rides in PublicShow. Set by app.ts (ViewerDisplayStore). */
  displayOf: (showId: string) => ViewerDisplay = () => DEFAULT_VIEWER_DISPLAY;
  /** The publishers (publishing.ts); LiveShows keeps the viewers. */
  private readonly publishing: Publishing;

  constructor(
    private readonly engine: MediaEngine,
    private readonly store: ShowStore,
    log: Logger,
  ) {
    super();
    this.publishing = new Publishing(engine, log, {
      shows: this.shows,
      entry: (showId) => this.entry(showId),
      requireShow: (showId) => this.requireShow(showId),
      start: (showId) => this.start(showId),
      roomRecordDir: (show) => this.recorder?.roomRecordDir(show) ?? null,
      broadcastMedia: (ls) => this.broadcastMedia(ls),
      events: this,
    });
    engine.on('state', (state) => {
      if (state === 'down') this.publishing.engineLost();
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
        await this.publishing.dropPublisher(ls);
        if (ls.room !== null) await this.engine.destroyRoom(ls.room);
        ls.room = null;
      });
    }
    // After the room is gone: Janus has closed the recording's files.
    this.recorder?.ended(showId);
    this.changed(show);
    return show;
  }

  // The publishing half lives in publishing.ts (see there for what each does).
  publish(showId: string, offerSdp: string): ReturnType<Publishing['publish']> {
    return this.publishing.publish(showId, offerSdp);
  }

  showOfSession(sessionId: string): string | null {
    return this.publishing.showOfSession(sessionId);
  }

  whipSession(sessionId: string): WhipIceSession | null {
    return this.publishing.whipSession(sessionId);
  }

  trickle(sessionId: string, candidates: TrickleCandidate[], complete: boolean): Promise<boolean> {
    return this.publishing.trickle(sessionId, candidates, complete);
  }

  restartIce(sessionId: string, offerSdp: string): ReturnType<Publishing['restartIce']> {
    return this.publishing.restartIce(sessionId, offerSdp);
  }

  unpublish(sessionId: string): Promise<boolean> {
    return this.publishing.unpublish(sessionId);
  }

  publishRemote(showId: string, streams: readonly RemoteStream[]): ReturnType<Publishing['publishRemote']> {
    return this.publishing.publishRemote(showId, streams);
  }

  remoteFlow(showId: string, sessionId: string, flowing: boolean): void {
    this.publishing.remoteFlow(showId, sessionId, flowing);
  }

  unpublishRemote(showId: string, sessionId: string, reason: string): Promise<void> {
    return this.publishing.unpublishRemote(showId, sessionId, reason);
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
    else if (peer.fanout) ls.fanouts.delete(peer.fanout);
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

  /**
   * One message to every viewer of the show (with `onDelivered`: when it reached whom, see
   * writeToAudience). The show's chat still waiting for its batch goes in the same write, first.
   */
  broadcast(ls: LiveShow | string, message: RelayToViewer, onDelivered?: OnDelivered): void {
    const entry = typeof ls === 'string' ? this.shows.get(ls) : ls;
    if (entry) writeToAudience(entry, framesOf([...(this.pendingChat?.(entry.showId) ?? []), message]), onDelivered);
  }

  /** Where broadcast() takes the show's waiting chat from (the chat service; set once both exist). */
  carryChat(take: (showId: string) => readonly RelayToViewer[]): void {
    this.pendingChat = take;
  }

  /**
   * A chat batch: several messages to every viewer in one write per socket (their frames back to
   * back), in order with the show's other chat batches; a cue sent meanwhile does not wait for it,
   * but takes what is still unwritten of it along, before itself (viewers/show-writes.ts).
   */
  broadcastChat(showId: string, messages: readonly RelayToViewer[]): void {
    const entry = this.shows.get(showId);
    if (entry && messages.length > 0) writeToAudience(entry, framesOf(messages), undefined, 'chat');
  }

  /** Every viewer of the show is held by a worker, which paces its chat writes itself (show-writes.ts). */
  chatPacedByWorkers(showId: string): boolean {
    const entry = this.shows.get(showId);
    return entry !== undefined && entry.local.size === 0 && entry.fanouts.size > 0;
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
      await this.publishing.dropPublisher(ls);
    }));
  }
}
