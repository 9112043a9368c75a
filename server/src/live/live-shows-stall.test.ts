import { describe, expect, it } from 'vitest';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import { liveShowsFixture, publishingEngine, WHIP_OFFER } from './live-shows-fixture.js';
import type { ViewerPeer } from './live-shows.js';

/** A media engine whose Janus `media` events the test sends by hand, per publisher handle. */
function fakeEngine() {
  const media = new Map<number, (kind: unknown, receiving: unknown) => void>();
  const engine = { ...publishingEngine(), onMedia: (h: { id: number }, l: (kind: unknown, receiving: unknown) => void) => void media.set(h.id, l) };
  return { engine, janusMedia: (handle: number, kind: unknown, receiving: unknown) => media.get(handle)?.(kind, receiving) };
}

/** A viewer socket in this process that keeps what it was sent. */
function viewer(): ViewerPeer & { got: RelayToViewer[] } {
  const got: RelayToViewer[] = [];
  return { viewerId: 'v1', got, fanout: null, subscriber: null, send: (m) => void got.push(m), sendFrame: (f) => void got.push(JSON.parse(f.subarray(f[1] === 126 ? 4 : f[1] === 127 ? 10 : 2).toString()) as RelayToViewer) };
}

const fixture = liveShowsFixture('stall');
function setup() {
  const { engine, janusMedia } = fakeEngine();
  return { ...fixture(engine), janusMedia };
}

const lastShow = (v: { got: RelayToViewer[] }) => v.got.filter((m) => m.type === 'show').at(-1) as Extract<RelayToViewer, { type: 'show' }> | undefined;

describe('LiveShows: a publisher whose media stops (closed tab, crash, network gone)', () => {
  it('tells viewers there is no picture while the show stays live, and gives the same epoch back when media returns', async () => {
    const { live, store, janusMedia } = setup();
    const show = store.create('니트', null);
    const v = viewer();
    live.addViewer(show.id, v);
    await live.publish(show.id, WHIP_OFFER);
    expect(live.mediaEpoch(show.id)).toBe(1);

    janusMedia(1, 'video', false);
    expect(live.mediaEpoch(show.id)).toBeNull();
    expect(lastShow(v)).toMatchObject({ mediaEpoch: null, show: { status: 'live' } });
    expect(store.get(show.id)?.status).toBe('live');

    // Audio stopping too changes nothing more; video coming back restores the same epoch (viewers re-subscribe to it).
    const sent = v.got.length;
    janusMedia(1, 'audio', false);
    expect(v.got.length).toBe(sent);
    janusMedia(1, 'video', true);
    expect(live.mediaEpoch(show.id)).toBe(1);
    expect(lastShow(v)).toMatchObject({ mediaEpoch: 1, show: { status: 'live' } });
  });

  it('a new publish (the reopened studio) replaces the stalled one with a new epoch; late events of the old one are ignored', async () => {
    const { live, store, janusMedia } = setup();
    const show = store.create('니트', null);
    const v = viewer();
    live.addViewer(show.id, v);
    await live.publish(show.id, WHIP_OFFER);
    janusMedia(1, 'video', false);
    await live.publish(show.id, WHIP_OFFER);
    expect(live.mediaEpoch(show.id)).toBe(2);
    janusMedia(1, 'video', false);
    expect(live.mediaEpoch(show.id)).toBe(2);
    expect(lastShow(v)?.mediaEpoch).toBe(2);
  });

  it('ignores malformed media events', async () => {
    const { live, store, janusMedia } = setup();
    const show = store.create('니트', null);
    await live.publish(show.id, WHIP_OFFER);
    janusMedia(1, 'data', false);
    janusMedia(1, 'video', 'nope');
    janusMedia(1, undefined, undefined);
    expect(live.mediaEpoch(show.id)).toBe(1);
  });
});
