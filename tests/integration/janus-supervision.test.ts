import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileSecretStore } from '../../main/store/secret-store.js';
import { createStudioCore } from '../../main/studio-core.js';
import { waitUntil } from '../helpers/media-pages.js';
import { freePort, startRelay, type RunningRelay } from '../helpers/processes.js';

let relay: RunningRelay | undefined;
afterEach(async () => {
  await relay?.stop();
  relay = undefined;
});

// With the studio key the relay adds the details (restarts) to its health answer.
const health = async (url: string, studioKey?: string) => {
  const r = await fetch(url + '/api/health', studioKey ? { headers: { authorization: `Bearer ${studioKey}` } } : {});
  return { status: r.status, body: (await r.json()) as { ok: boolean; mediaEngine: { state: string; restarts: number } } };
};

const SDP_OFFER =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n' +
  'a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 ' + Array(32).fill('AB').join(':') + '\r\na=setup:actpass\r\na=mid:0\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\n';

describe('Janus supervision', () => {
  it('notices when Janus dies, says so, and restarts it', async () => {
    relay = await startRelay();
    const r = relay;
    await waitUntil('janus up', async () => (await health(r.url)).body.ok, 20_000);
    const pid = Number(/"msg":"janus started".*?"pid":(\d+)/.exec(r.output())?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitUntil('the relay to report the crash', () => /janus exited; restarting/.test(r.output()), 10_000);
    const back = await waitUntil('janus back up', async () => {
      const h = await health(r.url, r.studioKey);
      return h.body.ok && h.body.mediaEngine.restarts >= 1 ? h : null;
    }, 30_000);
    expect(back.status).toBe(200);
    expect(back.body.mediaEngine.state).toBe('up');
    const newPid = [...r.output().matchAll(/"msg":"janus started".*?"pid":(\d+)/g)].map((m) => Number(m[1])).pop();
    expect(newPid).not.toBe(pid);
  });
});

describe('Janus not reachable', () => {
  it('health, WHIP and the studio core all say so, with what to do', async () => {
    relay = await startRelay({ env: { RELAY_JANUS_URL: `ws://127.0.0.1:${await freePort()}/` } });
    const r = relay;
    const h = await waitUntil('health to report the engine down', async () => {
      const x = await health(r.url);
      return x.body.mediaEngine.state === 'down' ? x : null;
    });
    expect(h.status).toBe(503);
    expect(h.body.ok).toBe(false);

    const show = (await (await fetch(r.url + '/api/shows', { method: 'POST', headers: { authorization: `Bearer ${r.studioKey}` }, body: JSON.stringify({ title: 'no janus' }) })).json()) as { id: string };
    const whip = await fetch(`${r.url}/whip/shows/${show.id}`, { method: 'POST', headers: { authorization: `Bearer ${r.studioKey}`, 'content-type': 'application/sdp' }, body: SDP_OFFER });
    expect(whip.status).toBe(503);
    expect(await whip.json()).toMatchObject({ error: 'media_unavailable', message: expect.stringMatching(/Janus/) });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'core-'));
    const core = await createStudioCore({ dataDir: dir, secrets: new FileSecretStore(path.join(dir, 'key')), defaultRelayUrl: r.url, keyHandoffFile: path.join(r.dataDir, 'studio-key') });
    try {
      const status = await core.handle('relay.status', {});
      expect(status).toMatchObject({ ok: true, data: { reachable: true, authorized: true, mediaEngine: 'down', message: expect.stringMatching(/Janus.*restart/s) } });
      const publish = await core.handle('media.publish', { showId: show.id, sdp: SDP_OFFER });
      expect(publish).toMatchObject({ ok: false, error: { error: 'media_unavailable', message: expect.stringMatching(/Janus/) } });
    } finally {
      await core.close();
    }
  });
});
