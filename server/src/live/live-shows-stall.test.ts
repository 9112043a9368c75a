import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import { openRelayDb, type Db } from '../db/database.js';
import type { MediaEngine } from '../janus/media-engine.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { LiveShows, type ViewerPeer } from './live-shows.js';

const OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=ice-ufrag:abcd', 'a=ice-pwd:abcdabcdabcdabcdabcdabcd',
  `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`, 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=rtcp-mux', 'a=rtpmap:96 VP8/90000', '',
].join('\r\n');

/** A media engine whose Janus `media` events the test sends by hand, per publisher handle. */
function fakeEngine() {
  const media = new Map<number, (kind: unknown, receiving: unknown) => void>();
  let handles = 0;
  const engine = Object.assign(new EventEmitter(), {
    state: 'up',
    createRoom: async () => 7,
    publish: async () => ({ handle: { id: ++handles, detach: async () => undefined }, feed: 1, answerSdp: 'v=0 answer' }),
    onWebrtcUp: (_h: unknown, up: () => void) => up(),
    watchHandle: () => undefined,
    onMedia: (h: { id: number }, l: (kind: unknown, receiving: unknown) => void) => void media.set(h.id, l),
  });
  return { engine: engine as unknown as MediaEngine, janusMedia: (handle: number, kind: unknown, receiving: unknown) => media.get(handle)?.(kind, receiving) };
}

/** A viewer socket in this process that keeps what it was sent. */
function viewer(): ViewerPeer & { got: RelayToViewer[] } {
  const got: RelayToViewer[] = [];
  return { viewerId: 'v1', got, fanout: null, subscriber: null, send: (m) => void got.push(m), sendFrame: (f) => void got.push(JSON.parse(f.subarray(f[1] === 126 ? 4 : f[1] === 127 ? 10 : 2).toString()) as RelayToViewer) };
}

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-stall-'));
  db = openRelayDb(dir);
  const store = new ShowStore(db);
  const { engine, janusMedia } = fakeEngine();
  return { store, janusMedia, live: new LiveShows(engine, store, createLogger('error')) };
}

const lastShow = (v: { got: RelayToViewer[] }) => v.got.filter((m) => m.type === 'show').at(-1) as Extract<RelayToViewer, { type: 'show' }> | undefined;

describe('LiveShows: a publisher whose media stops (closed tab, crash, network gone)', () => {
  it('tells viewers there is no picture while the show stays live, and gives the same epoch back when media returns', async () => {
    const { live, store, janusMedia } = setup();
    const show = store.create('니트', null);
    const v = viewer();
    live.addViewer(show.id, v);
    await live.publish(show.id, OFFER);
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
    await live.publish(show.id, OFFER);
    janusMedia(1, 'video', false);
    await live.publish(show.id, OFFER);
    expect(live.mediaEpoch(show.id)).toBe(2);
    janusMedia(1, 'video', false);
    expect(live.mediaEpoch(show.id)).toBe(2);
    expect(lastShow(v)?.mediaEpoch).toBe(2);
  });

  it('ignores malformed media events', async () => {
    const { live, store, janusMedia } = setup();
    const show = store.create('니트', null);
    await live.publish(show.id, OFFER);
    janusMedia(1, 'data', false);
    janusMedia(1, 'video', 'nope');
    janusMedia(1, undefined, undefined);
    expect(live.mediaEpoch(show.id)).toBe(1);
  });
});
