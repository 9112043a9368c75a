import { describe, expect, it } from 'vitest';
import { liveShowsFixture } from './live-shows-fixture.js';
import { LiveError, type ViewerPeer } from './live-shows.js';

/** A media engine that records what would have reached Janus. */
function fakeEngine() {
  const calls: string[] = [];
  const engine = {
    state: 'up',
    answer: async (_h: unknown, sdp: string) => void calls.push(`answer:${sdp.slice(0, 10)}`),
    publish: async () => {
      calls.push('publish');
      throw new Error('not in this test');
    },
    createRoom: async () => 1,
  };
  return { engine, calls };
}

const fixture = liveShowsFixture('sdp');
function setup() {
  const { engine, calls } = fakeEngine();
  return { ...fixture(engine), calls };
}

describe('LiveShows checks SDP before Janus sees it', () => {
  it('refuses a viewer answer that is not a WebRTC SDP, with bad_sdp', async () => {
    const { live, calls } = setup();
    const peer: ViewerPeer = { viewerId: 'v', send: () => undefined, sendFrame: () => undefined, fanout: null, subscriber: { handle: {} as never, epoch: 2 } };
    for (const sdp of ['v=0 bogus answer', 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n', 'x'.repeat(60_000)]) {
      const err = await live.answer(peer, 2, sdp).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LiveError);
      expect((err as LiveError).code).toBe('bad_sdp');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a WHIP offer that is not WebRTC SDP without starting the show', async () => {
    const { live, store, calls } = setup();
    const show = store.create('sdp', null);
    const err = await live.publish(show.id, 'v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n').catch((e: unknown) => e);
    expect((err as LiveError).code).toBe('bad_sdp');
    expect(store.get(show.id)?.status).toBe('scheduled');
    expect(calls).toEqual([]);
    await live.stop();
  });
});
