import { randomBytes } from 'node:crypto';
import type { VideoRoomHandle } from 'janode/plugins/videoroom';
import type { PublicShow, Show } from '../../../common/show.js';
import type { ViewerDisplay } from '../../../common/viewer-display.js';
import type { Audience } from './audience.js';
import type { MediaFlow } from './media-flow.js';
import type { SerialQueue } from './serial-queue.js';

/** A show's live state as LiveShows keeps it (live-shows.ts): its publisher, epoch and audience. */
export interface Publisher {
  sessionId: string;
  /** null for OBS's program arriving through the ingest (a Janus remote publisher, no handle). */
  handle: VideoRoomHandle | null;
  feed: number;
  /** Janus serves a feed to subscribers only once the publisher's WebRTC is up. */
  up: boolean;
  /** Whether its media still reaches Janus (a closed tab sends no hang-up; its media just stops). */
  flow: MediaFlow;
  /** The offer the session runs on (an ICE restart re-offers it with new credentials). */
  offerSdp: string;
  /** WHIP's entity tag of the ICE session (RFC 9725 §4.3): new on every ICE restart. */
  etag: string;
}

/** The ICE side of a publishing session, as WHIP's PATCH needs it. */
export interface WhipIceSession {
  etag: string;
  offerSdp: string;
}

export const hasHandle = (p: Publisher): p is Publisher & { handle: VideoRoomHandle } => p.handle !== null;

export const newEtag = () => `"${randomBytes(12).toString('base64url')}"`;

export interface LiveShow extends Audience {
  room: number | null;
  publisher: Publisher | null;
  /** Bumped on every (re)publish; viewers subscribe again when it changes. */
  epoch: number;
  queue: SerialQueue;
}

export interface LiveShowsEvents {
  viewers: [showId: string, count: number];
  show: [Show];
  publisherLost: [showId: string, reason: string];
  /** A remote publisher (the OBS ingest) left the room: replaced by a republish, the show ended, or the ingest ended. */
  remoteDropped: [showId: string, sessionId: string];
  /** A viewer socket joined / left a show (engagement: unique viewers, who saw a pinned card). */
  viewerJoined: [showId: string, viewerId: string];
  viewerLeft: [showId: string, viewerId: string];
}

/** The epoch viewers should play; null (viewers show "reconnecting" over the last frame) while there is no flowing picture. */
export const epochOf = (ls: LiveShow): number | null => (ls.publisher?.up && !ls.publisher.flow.stalled ? ls.epoch : null);

export const toPublic = (s: Show, display: ViewerDisplay): PublicShow => ({ title: s.title, status: s.status, scheduledAt: s.scheduledAt, startedAt: s.startedAt, endedAt: s.endedAt, rehearsal: s.rehearsalOf !== null, display });
