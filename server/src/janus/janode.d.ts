/** The slice of janode (plain JS, no types) that the relay uses. */
declare module 'janode' {
  import type { EventEmitter } from 'node:events';
  export interface Jsep {
    type: 'offer' | 'answer';
    sdp: string;
  }
  export interface JanodeHandle extends EventEmitter {
    id: number;
    detach(): Promise<void>;
    hangup(): Promise<void>;
    /** One candidate, several (sent as `candidates`), or `{ completed: true }` (end-of-candidates). */
    trickle(candidate: TrickleCandidate | TrickleCandidate[] | { completed: true }): Promise<unknown>;
    trickleComplete(): Promise<unknown>;
    /** A raw plugin request (janode 1.8 does not wrap VideoRoom's remote publishers). */
    message(body: Record<string, unknown>): Promise<unknown>;
  }
  /** A trickled candidate as Janus reads it (`candidate:` line, and the m= section by mid or index). */
  export interface TrickleCandidate {
    candidate: string;
    sdpMid?: string;
    sdpMLineIndex?: number;
  }
  export interface JanodeSession extends EventEmitter {
    id: number;
    attach<H>(plugin: { id: string; Handle: new (...args: never[]) => H }): Promise<H>;
    destroy(): Promise<void>;
  }
  /** janode adds `apisecret` and `token` to every request it sends to this address. */
  export interface JanodeAddress {
    url: string;
    apisecret?: string;
    token?: string;
  }
  export interface JanodeConnection extends EventEmitter {
    create(keepaliveSeconds?: number): Promise<JanodeSession>;
    close(): Promise<void>;
  }
  const Janode: {
    connect(config: { address: JanodeAddress | JanodeAddress[]; retry_time_secs?: number; max_retries?: number }): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'none' | 'error' | 'warning' | 'info' | 'verbose' | 'debug'): void };
    EVENT: Record<'CONNECTION_CLOSED' | 'CONNECTION_ERROR' | 'SESSION_DESTROYED' | 'HANDLE_DETACHED' | 'HANDLE_ICE_FAILED' | 'HANDLE_HANGUP' | 'HANDLE_WEBRTCUP' | 'HANDLE_MEDIA', string>;
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  import type { JanodeHandle, Jsep } from 'janode';
  export interface VideoRoomHandle extends JanodeHandle {
    create(opts: {
      room?: number;
      description?: string;
      max_publishers?: number;
      bitrate?: number;
      audiocodec?: string;
      videocodec?: string;
      notify_joining?: boolean;
      fir_freq?: number;
      permanent?: boolean;
      is_private?: boolean;
      secret?: string;
      pin?: string;
      admin_key?: string;
      /** Record every publisher of the room into rec_dir (.mjr per track, new files per publisher). */
      record?: boolean;
      rec_dir?: string;
    }): Promise<{ room: number }>;
    destroy(opts: { room: number; secret?: string; permanent?: boolean }): Promise<unknown>;
    joinConfigurePublisher(opts: { room: number; display?: string; audio?: boolean; video?: boolean; bitrate?: number; pin?: string; jsep: Jsep }): Promise<{ feed: number; jsep?: Jsep }>;
    joinSubscriber(opts: { room: number; feed: number; pin?: string }): Promise<{ jsep?: Jsep }>;
    start(opts: { jsep: Jsep }): Promise<unknown>;
    /** A publisher's renegotiation (an ICE restart: an offer with new credentials); Janus answers in `.jsep`. */
    configure(opts: { jsep?: Jsep; restart?: boolean; audio?: boolean; video?: boolean }): Promise<{ configured?: string; jsep?: Jsep }>;
    // The rest is used by tests that play an outsider.
    list(opts?: { admin_key?: string }): Promise<unknown>;
    listParticipants(opts: { room: number; secret?: string }): Promise<unknown>;
    kick(opts: { room: number; feed: number; secret?: string }): Promise<unknown>;
    startForward(opts: { room: number; feed: number; host: string; video_port?: number; audio_port?: number; secret?: string; admin_key?: string }): Promise<unknown>;
    leave(): Promise<unknown>;
  }
  const VideoRoomPlugin: { id: string; Handle: new (...args: never[]) => VideoRoomHandle; EVENT: Record<string, string> };
  export default VideoRoomPlugin;
}
