import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OBS_ERRORS } from '../../common/obs.js';
import { fakeShow } from '../testing/fake-relay.js';
import { startCoreHarness, until, type CoreHarness } from '../testing/core-harness.js';

/** OBS mode through the studio core's contract (no OBS here: the paths that need none). */
let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

describe('OBS mode in the studio core', () => {
  it('forwards the relay’s ingest status as relay.ingest', async () => {
    const status = { state: 'receiving', since: 1, video: { codec: 'h264', width: 1280, height: 720 }, lastRefusal: null, estimatedDelayMs: 420 };
    h.relay.broadcast({ type: 'ingest', showId: 'show1', status });
    await until(() => h.events.some(([e]) => e === 'relay.ingest'), 'relay.ingest');
    expect(h.events.find(([e]) => e === 'relay.ingest')![1]).toEqual({ showId: 'show1', status });
  });

  it('OBS not running: connect fails as obs_unreachable and nothing is saved; Go live refuses before asking the relay for a key', async () => {
    // Port 1 on loopback: nothing listens there.
    expect(await code(h.ok('obs.connect', { host: '127.0.0.1', port: 1, password: 'pw' }))).toBe(OBS_ERRORS.unreachable);
    expect(await h.ok('obs.settings.get', {})).toMatchObject({ saved: false, hasPassword: false });
    expect(await h.ok('obs.status', {})).toMatchObject({ state: 'failed', error: { code: OBS_ERRORS.unreachable } });
    h.relay.shows.set('show1', fakeShow('show1'));
    expect(await code(h.ok('obs.goLive', { showId: 'show1' }))).toBe(OBS_ERRORS.notConnected);
    expect(h.relay.ingest.keys.size).toBe(0);
    expect(h.relay.shows.get('show1')!.status).toBe('scheduled');
  });

  it('OBS actions while not connected come back failed per action and as an obs.actionFailed event', async () => {
    const results = await h.ok<{ ok: boolean; error: { code: string } | null }[]>('obs.runActions', { actions: [{ kind: 'switchScene', sceneName: '상품' }], label: '니트 카드' });
    expect(results).toMatchObject([{ ok: false, error: { code: OBS_ERRORS.notConnected } }]);
    expect(h.events.find(([e]) => e === 'obs.actionFailed')?.[1]).toMatchObject({ label: '니트 카드' });
  });

  it('End show in OBS mode with OBS gone still ends the show (the relay revokes the key)', async () => {
    h.relay.shows.set('show2', fakeShow('show2', 'live'));
    expect(await h.ok('obs.endShow', { showId: 'show2' })).toMatchObject({ status: 'ended' });
  });
});
