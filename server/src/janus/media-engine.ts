import { EventEmitter } from 'node:events';
import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import { ROOM_BITRATE_CAP } from '../../../common/quality.js';
import type { MediaEngineState } from '../../../common/protocol/studio-api.js';
import type { Logger } from '../log.js';

Janode.Logger.setLevel('none');

export class MediaUnavailableError extends Error {
  override name = 'MediaUnavailableError';
  constructor() {
    super('The media server (Janus) is not reachable right now. The relay restarts it by itself; try again in a few seconds. If this persists, check the relay\'s log and that Janus is installed.');
  }
}

export interface MediaEngineEvents {
  state: [MediaEngineState];
}

/** Janus through janode: one session, a room per live show, a handle per publisher or viewer. */
export class MediaEngine extends EventEmitter<MediaEngineEvents> {
  state: MediaEngineState = 'starting';
  private connection: JanodeConnection | null = null;
  private session: JanodeSession | null = null;
  private control: VideoRoomHandle | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {
    super();
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  private setState(state: MediaEngineState): void {
    if (state === this.state) return;
    this.state = state;
    this.log[state === 'down' ? 'warn' : 'info']('media engine ' + state, { url: this.url });
    this.emit('state', state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const connection = await Janode.connect({ address: { url: this.url }, retry_time_secs: 1, max_retries: 1 });
      const session = await connection.create(15);
      const control = await session.attach(VideoRoomPlugin);
      const onLost = () => this.lost(connection);
      connection.once(Janode.EVENT.CONNECTION_CLOSED, onLost);
      connection.once(Janode.EVENT.CONNECTION_ERROR, onLost);
      session.once(Janode.EVENT.SESSION_DESTROYED, onLost);
      this.connection = connection;
      this.session = session;
      this.control = control;
      this.setState('up');
    } catch {
      this.setState('down');
      this.retryTimer = setTimeout(() => void this.connect(), 500);
    }
  }

  private lost(connection: JanodeConnection): void {
    if (this.connection !== connection) return;
    this.connection = this.session = this.control = null;
    connection.close().catch(() => undefined);
    this.setState('down');
    if (!this.stopped) this.retryTimer = setTimeout(() => void this.connect(), 300);
  }

  private require(): { session: JanodeSession; control: VideoRoomHandle } {
    if (!this.session || !this.control || this.state !== 'up') throw new MediaUnavailableError();
    return { session: this.session, control: this.control };
  }

  async createRoom(description: string): Promise<number> {
    const { control } = this.require();
    const room = 1 + Math.floor(Math.random() * 2 ** 31);
    const created = await control.create({
      room,
      description: description.slice(0, 60),
      max_publishers: 1,
      bitrate: ROOM_BITRATE_CAP,
      videocodec: 'vp8',
      audiocodec: 'opus',
      fir_freq: 2,
      notify_joining: false,
    });
    return created.room;
  }

  async destroyRoom(room: number): Promise<void> {
    if (this.state !== 'up' || !this.control) return;
    await this.control.destroy({ room }).catch(() => undefined);
  }

  /** Joins the room as its publisher with the sender's full (non-trickle) offer; returns Janus's answer. */
  async publish(room: number, display: string, offerSdp: string): Promise<{ handle: VideoRoomHandle; feed: number; answerSdp: string }> {
    const { session } = this.require();
    const handle = await session.attach(VideoRoomPlugin);
    try {
      const joined = await handle.joinConfigurePublisher({ room, display, audio: true, video: true, jsep: { type: 'offer', sdp: offerSdp } });
      if (!joined.jsep) throw new Error('Janus gave no answer to the offer');
      return { handle, feed: joined.feed, answerSdp: joined.jsep.sdp };
    } catch (e) {
      await handle.detach().catch(() => undefined);
      throw e;
    }
  }

  /** Starts a subscription to a feed; the viewer answers Janus's offer with `answer`. */
  async subscribe(room: number, feed: number): Promise<{ handle: VideoRoomHandle; offerSdp: string }> {
    const { session } = this.require();
    const handle = await session.attach(VideoRoomPlugin);
    try {
      const joined = await handle.joinSubscriber({ room, feed });
      if (!joined.jsep) throw new Error('Janus gave no offer for the feed');
      return { handle, offerSdp: joined.jsep.sdp };
    } catch (e) {
      await handle.detach().catch(() => undefined);
      throw e;
    }
  }

  async answer(handle: VideoRoomHandle, answerSdp: string): Promise<void> {
    await handle.start({ jsep: { type: 'answer', sdp: answerSdp } });
  }

  onWebrtcUp(handle: VideoRoomHandle, listener: () => void): void {
    handle.once(Janode.EVENT.HANDLE_WEBRTCUP, listener);
  }

  /** Calls `onGone` once when Janus drops the handle (hang-up, ICE failure, detach, engine loss). */
  watchHandle(handle: VideoRoomHandle, onGone: (reason: string) => void): void {
    let fired = false;
    const fire = (reason: string) => {
      if (fired) return;
      fired = true;
      onGone(reason);
    };
    handle.once(Janode.EVENT.HANDLE_HANGUP, (d: { reason?: string }) => fire(`hangup: ${d?.reason ?? 'unknown'}`));
    handle.once(Janode.EVENT.HANDLE_ICE_FAILED, () => fire('ice failed'));
    handle.once(Janode.EVENT.HANDLE_DETACHED, () => fire('detached'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = this.session = this.control = null;
    await connection?.close().catch(() => undefined);
  }
}
