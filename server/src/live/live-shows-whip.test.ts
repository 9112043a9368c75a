import { describe, expect, it } from 'vitest';
import { liveShowsFixture, publishingEngine, WHIP_OFFER } from './live-shows-fixture.js';
import { restartOffer } from './sdpfrag.js';

/** A media engine that records, per handle, what would have reached Janus. */
function fakeEngine() {
  const calls: string[] = [];
  const engine = {
    ...publishingEngine((id) => void calls.push(`detach:${id}`)),
    trickle: async (h: { id: number }, cs: { candidate: string }[], complete: boolean) => void calls.push(`trickle:${h.id}:${cs.length}:${complete}`),
    restartPublisher: async (h: { id: number }, sdp: string) => {
      calls.push(`restart:${h.id}:${/a=ice-ufrag:(\S+)/.exec(sdp)?.[1]}`);
      return 'v=0 restarted answer';
    },
  };
  return { engine, calls };
}

const fixture = liveShowsFixture('whip');
function setup() {
  const { engine, calls } = fakeEngine();
  return { ...fixture(engine), calls };
}

describe('LiveShows: trickle and ICE restart of a WHIP session', () => {
  it("hands trickled candidates to the session's own handle, and none to a replaced session", async () => {
    const { live, store, calls } = setup();
    const show = store.create('whip', null);
    const first = await live.publish(show.id, WHIP_OFFER);
    expect(await live.trickle(first.sessionId, [{ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMLineIndex: 0 }], false)).toBe(true);
    const second = await live.publish(show.id, WHIP_OFFER);
    expect(await live.trickle(first.sessionId, [{ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMLineIndex: 0 }], true)).toBe(false);
    expect(await live.trickle(second.sessionId, [], true)).toBe(true);
    expect(calls.filter((c) => c.startsWith('trickle'))).toEqual(['trickle:1:1:false', 'trickle:2:0:true']);
    expect(live.whipSession(first.sessionId)).toBeNull();
    expect(await live.restartIce(first.sessionId, WHIP_OFFER)).toBeNull();
  });

  it('an ICE restart re-offers on the same handle, keeps the new offer and gives a new entity tag; viewers keep their epoch', async () => {
    const { live, store, calls } = setup();
    const show = store.create('whip', null);
    const { sessionId, etag } = await live.publish(show.id, WHIP_OFFER);
    expect(live.whipSession(sessionId)).toEqual({ etag, offerSdp: WHIP_OFFER });
    const epoch = live.mediaEpoch(show.id);
    expect(epoch).toBe(1);
    const offer = restartOffer(WHIP_OFFER, { ufrag: 'wxyz', pwd: 'wxyzwxyzwxyzwxyzwxyzwxyz' });
    const done = await live.restartIce(sessionId, offer);
    expect(done?.answerSdp).toBe('v=0 restarted answer');
    expect(done?.etag).not.toBe(etag);
    expect(live.whipSession(sessionId)).toEqual({ etag: done!.etag, offerSdp: offer });
    expect(calls.filter((c) => c.startsWith('restart'))).toEqual(['restart:1:wxyz']);
    expect(live.mediaEpoch(show.id)).toBe(epoch);
  });
});
