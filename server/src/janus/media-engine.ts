import { EventEmitter } from 'node:events';
import { z } from 'zod';
import Janode, { type JanodeConnection, type JanodeSession, type TrickleCandidate } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import { ROOM_BITRATE_CAP } from '../../../common/quality.js';
import type { MediaEngineState } from '../../../common/protocol/studio-api.js';
import type { Logger } from '../log.js';
import { carriesSecretsSafely, newJanusSecret, type JanusAccess } from './janus-access.js';

Janode.Logger.setLevel('none');

/** One stream of a remote publisher, as add_remote_publisher takes it. */
export interface RemoteStream {
  type: 'audio' | 'video';
  mindex: number;
  mid: string;
  codec: string;
  'h264-profile'?: string;
  stereo?: boolean;
}
const RemotePublisherAnswer = z.object({ id: z.number(), port: z.number().int().positive() });

export class MediaUnavailableError extends Error {
  override name = 'MediaUnavailableError';
  constructor(message?: string) {
    super(message ?? 'The media server (Janus) is not reachable right now. The relay restarts it by itself; try again in a few seconds. If this persists, check the relay\'s log and that Janus is installed.');
  }
}

export interface MediaEngineEvents {
  state: [MediaEngineState];
}

/** A room's `secret` (edit, destroy, kick, rtp_forward) and `pin` (join), known only to this process. */
interface RoomKeys {
  secret: string;
  pin: string;
  /** The room records its publishers (createRoom's recordDir). */
  recorded?: boolean;
}

/**
 * Janus through janode: one session, a room per live show, a handle per publisher or viewer.
 * Every request carries the access's api_secret/token; rooms are created private and not
 * permanent, with the admin_key and with a secret and pin of their own.
 */
export class MediaEngine extends EventEmitter<MediaEngineEvents> {
  state: MediaEngineState = 'starting';
  private readonly rooms = new Map<number, RoomKeys>();
  private connection: JanodeConnection | null = null;
  private session: JanodeSession | null = null;
  private control: VideoRoomHandle | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly access: JanusAccess,
    private readonly log: Logger,
  ) {
    super();
  }

  start(): void {
    this.stopped = false;
    if (!carriesSecretsSafely(this.access.url)) this.log.warn('the Janus API is reached over the network without TLS: its api_secret and room secrets travel in clear; use wss://', { url: this.access.url });
    void this.connect();
  }

  private setState(state: MediaEngineState): void {
    if (state === this.state) return;
    this.state = state;
    this.log[state === 'down' ? 'warn' : 'info']('media engine ' + state, { url: this.access.url });
    this.emit('state', state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const { url, apiSecret, token } = this.access;
      const connection = await Janode.connect({ address: { url, apisecret: apiSecret, token }, retry_time_secs: 1, max_retries: 1 });
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
      void this.destroyLeftovers(control);
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

  /**
   * Rooms made before the connection was lost: the relay has forgotten them (a new one is
   * made for the next publish), but an outside Janus that stayed up still holds them.
   */
  private async destroyLeftovers(control: VideoRoomHandle): Promise<void> {
    const left = [...this.rooms];
    this.rooms.clear();
    for (const [room, keys] of left) await control.destroy({ room, secret: keys.secret }).catch(() => undefined);
  }

  /** `recordDir`: Janus records every publisher of the room there (docs/replay.md); null: not recorded. */
  async createRoom(description: string, recordDir: string | null = null): Promise<number> {
    const { control } = this.require();
    const room = 1 + Math.floor(Math.random() * 2 ** 31);
    const keys: RoomKeys = { secret: newJanusSecret(), pin: newJanusSecret() };
    let created: { room: number };
    try {
      created = await control.create({
        room,
        permanent: false,
        is_private: true,
        secret: keys.secret,
        pin: keys.pin,
        admin_key: this.access.adminKey,
        description: description.slice(0, 60),
        max_publishers: 1,
        bitrate: ROOM_BITRATE_CAP,
        // H.264 for OBS's program, copied from its RTMP stream without re-encoding (docs/obs-mode.md).
        videocodec: 'vp8,h264',
        audiocodec: 'opus',
        fir_freq: 2,
        notify_joining: false,
        ...(recordDir ? { record: true, rec_dir: recordDir } : {}),
      });
    } catch (e) {
      // An outside Janus whose VideoRoom wants an admin_key the relay was not given: the seller's setup, not the request.
      if (!(e instanceof Error) || !/admin_key/.test(e.message)) throw e;
      this.log.error('Janus refused to create a room: its VideoRoom admin_key is missing or wrong', { error: e.message });
      throw new MediaUnavailableError("The media server (Janus) refused to create a room: the relay does not have its VideoRoom admin_key. Set RELAY_JANUS_ADMIN_KEY to the admin_key in that Janus's janus.plugin.videoroom.jcfg.");
    }
    this.rooms.set(created.room, { ...keys, recorded: recordDir !== null });
    return created.room;
  }

  async destroyRoom(room: number): Promise<void> {
    const keys = this.rooms.get(room);
    if (this.state !== 'up' || !this.control || !keys) return;
    this.rooms.delete(room);
    await this.control.destroy({ room, secret: keys.secret }).catch(() => undefined);
  }

  /** The pin of a room this engine created; Janus refuses the join without it. */
  private pinOf(room: number): string {
    const keys = this.rooms.get(room);
    if (!keys) throw new MediaUnavailableError();
    return keys.pin;
  }

  /** Joins the room as its publisher with the sender's offer (candidates in it, or trickled later); returns Janus's answer. */
  async publish(room: number, display: string, offerSdp: string): Promise<{ handle: VideoRoomHandle; feed: number; answerSdp: string }> {
    const { session } = this.require();
    const handle = await session.attach(VideoRoomPlugin);
    try {
      const joined = await handle.joinConfigurePublisher({ room, pin: this.pinOf(room), display, audio: true, video: true, jsep: { type: 'offer', sdp: offerSdp } });
      if (!joined.jsep) throw new Error('Janus gave no answer to the offer');
      return { handle, feed: joined.feed, answerSdp: joined.jsep.sdp };
    } catch (e) {
      await handle.detach().catch(() => undefined);
      throw e;
    }
  }

  /**
   * A VideoRoom remote publisher: Janus listens on a UDP port of `iface` for plain RTP and
   * advertises it as a publisher like any other. Streams are told apart by SSRC: Janus 1.1.2 takes
   * 1000 + 10 × mindex (REMOTE_PUBLISHER_BASE_SSRC / _SSRC_STEP in janus_videoroom.c).
   */
  async addRemotePublisher(room: number, display: string, iface: string, streams: readonly RemoteStream[]): Promise<{ feed: number; port: number }> {
    const { control } = this.require();
    const keys = this.rooms.get(room);
    if (!keys) throw new MediaUnavailableError();
    const raw: unknown = await control.message({ request: 'add_remote_publisher', room, secret: keys.secret, display, iface, port: 0, streams });
    const data = RemotePublisherAnswer.safeParse((raw as { plugindata?: { data?: unknown } } | null)?.plugindata?.data ?? raw);
    if (!data.success) throw new Error(`Janus did not add the remote publisher: ${JSON.stringify(raw).slice(0, 200)}`);
    // Janus 1.1.2 does not start recorders for a remote publisher from the room's `record`, and
    // `enable_recording: true` on a room that already records changes nothing (tested): off then on
    // starts them. The room's earlier publisher was dropped just before, so no other recording is cut.
    if (keys.recorded) {
      await control.message({ request: 'enable_recording', room, secret: keys.secret, record: false });
      await control.message({ request: 'enable_recording', room, secret: keys.secret, record: true });
    }
    return { feed: data.data.id, port: data.data.port };
  }

  async removeRemotePublisher(room: number, feed: number): Promise<void> {
    const keys = this.rooms.get(room);
    if (this.state !== 'up' || !this.control || !keys) return;
    await this.control.message({ request: 'remove_remote_publisher', room, secret: keys.secret, id: feed }).catch(() => undefined);
  }

  /** Starts a subscription to a feed; the viewer answers Janus's offer with `answer`. */
  async subscribe(room: number, feed: number): Promise<{ handle: VideoRoomHandle; offerSdp: string }> {
    const { session } = this.require();
    const handle = await session.attach(VideoRoomPlugin);
    try {
      const joined = await handle.joinSubscriber({ room, feed, pin: this.pinOf(room) });
      if (!joined.jsep) throw new Error('Janus gave no offer for the feed');
      return { handle, offerSdp: joined.jsep.sdp };
    } catch (e) {
      await handle.detach().catch(() => undefined);
      throw e;
    }
  }

  /** Candidates a WHIP client trickled (PATCH) for its publisher handle; `complete` sends end-of-candidates after them. */
  async trickle(handle: VideoRoomHandle, candidates: TrickleCandidate[], complete: boolean): Promise<void> {
    this.require();
    if (candidates.length) await handle.trickle(candidates);
    if (complete) await handle.trickleComplete();
  }

  /** An ICE restart the publisher asked for: its offer with new credentials; Janus answers with its own new ones. */
  async restartPublisher(handle: VideoRoomHandle, offerSdp: string): Promise<string> {
    this.require();
    const done = await handle.configure({ jsep: { type: 'offer', sdp: offerSdp }, restart: true });
    if (!done.jsep) throw new Error('Janus gave no answer to the ICE restart');
    return done.jsep.sdp;
  }

  async answer(handle: VideoRoomHandle, answerSdp: string): Promise<void> {
    await handle.start({ jsep: { type: 'answer', sdp: answerSdp } });
  }

  onWebrtcUp(handle: VideoRoomHandle, listener: () => void): void {
    handle.once(Janode.EVENT.HANDLE_WEBRTCUP, listener);
  }

  /** Janus's `media` events for the handle (receiving false after its no_media_timer, true when packets return). */
  onMedia(handle: VideoRoomHandle, listener: (kind: unknown, receiving: unknown) => void): void {
    handle.on(Janode.EVENT.HANDLE_MEDIA, (d: { type?: unknown; receiving?: unknown }) => listener(d?.type, d?.receiving));
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
