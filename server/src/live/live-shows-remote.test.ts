import { describe, expect, it } from 'vitest';
import { liveShowsFixture } from './live-shows-fixture.js';
import type { LiveError } from './live-shows.js';

/** A media engine whose remote publishers (OBS through the ingest) get feeds 1, 2, … and record their removal. */
function remoteEngine() {
  const calls: string[] = [];
  let feeds = 0;
  const engine = {
    state: 'up',
    createRoom: async () => 7,
    destroyRoom: async (room: number) => void calls.push(`destroy:${room}`),
    addRemotePublisher: async (room: number, display: string) => {
      const feed = ++feeds;
      calls.push(`add:${room}:${display}:${feed}`);
      return { feed, port: 5000 + feed };
    },
    removeRemotePublisher: async (room: number, feed: number) => void calls.push(`remove:${room}:${feed}`),
  };
  return { engine, calls };
}

const STREAMS = [{ type: 'video', mindex: 0, mid: '0', codec: 'h264' }] as const;

const fixture = liveShowsFixture('remote');
function setup() {
  const { engine, calls } = remoteEngine();
  const { live, store, engine: janus } = fixture(engine);
  const show = store.create('obs', '2030-01-01T00:00:00.000Z');
  const events: string[] = [];
  live.on('publisherLost', (showId, reason) => events.push(`lost:${showId === show.id}:${reason}`));
  live.on('remoteDropped', (showId, sessionId) => events.push(`dropped:${showId === show.id}:${sessionId}`));
  return { live, store, show, calls, events, janus };
}

describe('LiveShows: a remote publisher from the ingest', () => {
  it('starts a scheduled show, plays once packets flow, stalls and comes back on the same epoch', async () => {
    const { live, store, show } = setup();
    const { sessionId, port } = await live.publishRemote(show.id, STREAMS);
    expect(sessionId).toMatch(/^ri_/);
    expect(port).toBe(5001);
    expect(store.get(show.id)?.status).toBe('live');
    expect(live.mediaEpoch(show.id)).toBeNull();
    live.remoteFlow(show.id, sessionId, true);
    expect(live.mediaEpoch(show.id)).toBe(1);
    live.remoteFlow(show.id, sessionId, false);
    expect(live.mediaEpoch(show.id)).toBeNull();
    live.remoteFlow(show.id, sessionId, true);
    expect(live.mediaEpoch(show.id)).toBe(1);
    // An ingest session is not a WHIP session.
    expect(live.showOfSession(sessionId)).toBeNull();
  });

  it('a republish removes the earlier remote publisher; only the current session can unpublish', async () => {
    const { live, show, calls, events } = setup();
    const first = await live.publishRemote(show.id, STREAMS);
    const second = await live.publishRemote(show.id, STREAMS);
    expect(calls).toEqual(['add:7:obs:1', 'remove:7:1', 'add:7:obs:2']);
    expect(events).toEqual([`dropped:true:${first.sessionId}`]);
    live.remoteFlow(show.id, first.sessionId, true);
    expect(live.mediaEpoch(show.id)).toBeNull();
    await live.unpublishRemote(show.id, first.sessionId, 'old');
    live.remoteFlow(show.id, second.sessionId, true);
    expect(live.mediaEpoch(show.id)).toBe(2);
    await live.unpublishRemote(show.id, second.sessionId, 'ingest closed');
    expect(calls.at(-1)).toBe('remove:7:2');
    expect(events.slice(1)).toEqual([`dropped:true:${second.sessionId}`, 'lost:true:ingest closed']);
    expect(live.mediaEpoch(show.id)).toBeNull();
  });

  it('the engine going down loses the publisher; an ended show takes none', async () => {
    const { live, show, calls, events, janus } = setup();
    const { sessionId } = await live.publishRemote(show.id, STREAMS);
    live.remoteFlow(show.id, sessionId, true);
    janus.emit('state', 'down');
    expect(events).toEqual(['lost:true:media engine restarted']);
    expect(live.mediaEpoch(show.id)).toBeNull();
    await live.end(show.id);
    // The room went with the engine: nothing to remove or destroy.
    expect(calls).toEqual(['add:7:obs:1']);
    const err = await live.publishRemote(show.id, STREAMS).catch((e: unknown) => e);
    expect((err as LiveError).code).toBe('conflict');
  });
});
