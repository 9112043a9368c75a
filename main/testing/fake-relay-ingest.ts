import { randomBytes } from 'node:crypto';
import type { Show } from '../../common/show.js';
import type { IngestKey, IngestStatus } from '../../common/protocol/ingest.js';
import { FakeRefusal, type FakeHandlers } from './declared-fake.js';

/**
 * FAKE of the relay's OBS ingest routes (the contract in docs/obs-studio.md), for studio tests
 * before the relay's ingest is merged: it issues and revokes per-show keys and reports `idle`; it
 * receives no media.
 */
export interface FakeIngest {
  keys: Map<string, IngestKey>;
  /** What the fake hands OBS as "Server". */
  rtmpServer: string;
}

export function createFakeIngest(showOr404: (id: string) => Show): { ingest: FakeIngest; handlers: FakeHandlers } {
  const ingest: FakeIngest = { keys: new Map(), rtmpServer: 'rtmp://127.0.0.1:1935/live' };
  const idle = (): IngestStatus => ({ state: 'idle', since: Date.now(), video: null, lastRefusal: null, estimatedDelayMs: null });
  const handlers: FakeHandlers = {
    createIngestKey: ({ params }) => {
      if (showOr404(params.showId).status === 'ended') throw new FakeRefusal('conflict', 'the show has ended');
      const current = ingest.keys.get(params.showId);
      if (current) return current;
      const streamKey = randomBytes(16).toString('hex');
      const key: IngestKey = { showId: params.showId, rtmpServer: ingest.rtmpServer, streamKey, srtUrl: null, whipUrl: `http://127.0.0.1/whip/${params.showId}`, whipBearer: streamKey, createdAt: Date.now() };
      ingest.keys.set(params.showId, key);
      return key;
    },
    revokeIngestKey: ({ params }) => {
      ingest.keys.delete(params.showId);
      return undefined;
    },
    ingestStatus: ({ params }) => {
      showOr404(params.showId);
      return idle();
    },
  };
  return { ingest, handlers };
}
