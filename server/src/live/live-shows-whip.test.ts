import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRelayDb, type Db } from '../db/database.js';
import type { MediaEngine } from '../janus/media-engine.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { LiveShows } from './live-shows.js';
import { restartOffer } from './sdpfrag.js';

const OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=ice-ufrag:abcd', 'a=ice-pwd:abcdabcdabcdabcdabcdabcd',
  `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`, 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=rtcp-mux', 'a=rtpmap:96 VP8/90000', '',
].join('\r\n');

/** A media engine that records, per handle, what would have reached Janus. */
function fakeEngine() {
  const calls: string[] = [];
  let handles = 0;
  const engine = Object.assign(new EventEmitter(), {
    state: 'up',
    createRoom: async () => 7,
    publish: async () => ({ handle: { id: ++handles, detach: async () => void calls.push(`detach:${handles}`) }, feed: 1, answerSdp: 'v=0 answer' }),
    onWebrtcUp: (_h: unknown, up: () => void) => up(),
    watchHandle: () => undefined,
    onMedia: () => undefined,
    trickle: async (h: { id: number }, cs: { candidate: string }[], complete: boolean) => void calls.push(`trickle:${h.id}:${cs.length}:${complete}`),
    restartPublisher: async (h: { id: number }, sdp: string) => {
      calls.push(`restart:${h.id}:${/a=ice-ufrag:(\S+)/.exec(sdp)?.[1]}`);
      return 'v=0 restarted answer';
    },
  });
  return { engine: engine as unknown as MediaEngine, calls };
}

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-whip-'));
  db = openRelayDb(dir);
  const store = new ShowStore(db);
  const { engine, calls } = fakeEngine();
  return { store, calls, live: new LiveShows(engine, store, createLogger('error')) };
}

describe('LiveShows: trickle and ICE restart of a WHIP session', () => {
  it("hands trickled candidates to the session's own handle, and none to a replaced session", async () => {
    const { live, store, calls } = setup();
    const show = store.create('whip', null);
    const first = await live.publish(show.id, OFFER);
    expect(await live.trickle(first.sessionId, [{ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMLineIndex: 0 }], false)).toBe(true);
    const second = await live.publish(show.id, OFFER);
    expect(await live.trickle(first.sessionId, [{ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMLineIndex: 0 }], true)).toBe(false);
    expect(await live.trickle(second.sessionId, [], true)).toBe(true);
    expect(calls.filter((c) => c.startsWith('trickle'))).toEqual(['trickle:1:1:false', 'trickle:2:0:true']);
    expect(live.whipSession(first.sessionId)).toBeNull();
    expect(await live.restartIce(first.sessionId, OFFER)).toBeNull();
  });

  it('an ICE restart re-offers on the same handle, keeps the new offer and gives a new entity tag; viewers keep their epoch', async () => {
    const { live, store, calls } = setup();
    const show = store.create('whip', null);
    const { sessionId, etag } = await live.publish(show.id, OFFER);
    expect(live.whipSession(sessionId)).toEqual({ etag, offerSdp: OFFER });
    const epoch = live.mediaEpoch(show.id);
    expect(epoch).toBe(1);
    const offer = restartOffer(OFFER, { ufrag: 'wxyz', pwd: 'wxyzwxyzwxyzwxyzwxyzwxyz' });
    const done = await live.restartIce(sessionId, offer);
    expect(done?.answerSdp).toBe('v=0 restarted answer');
    expect(done?.etag).not.toBe(etag);
    expect(live.whipSession(sessionId)).toEqual({ etag: done!.etag, offerSdp: offer });
    expect(calls.filter((c) => c.startsWith('restart'))).toEqual(['restart:1:wxyz']);
    expect(live.mediaEpoch(show.id)).toBe(epoch);
  });
});
