import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestKey, IngestStatus } from '../../common/protocol/ingest.js';
import type { Show } from '../../common/show.js';
import { expectVideoDecoding, pairIsInNamespace, selectedPair } from '../helpers/media-pages.js';
import { startIngestStack, type IngestStack } from '../helpers/ingest-stack.js';
import type { Topology } from '../helpers/netns.js';
import type { RunningRelay } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';
import { publishStampedCanvas } from '../helpers/stamped-canvas.js';
import { exited, startRtmpPublisher } from '../helpers/rtmp-publisher.js';

/**
 * OBS ingest end to end (docs/obs-mode.md): a real RTMP client (ffmpeg, standing in for OBS) in
 * the client namespace → the relay's RTMP front → ffmpeg (video copied) → Janus remote publisher
 * → Chromium viewers on the watch link, all with real parts inside namespaces.
 */
let stack: IngestStack;
let topology: Topology;
let relay: RunningRelay;
let browser: Browser;
let api: Page;
let viewer: Page;
let show: Show;
let key: IngestKey;
const publishers: ChildProcess[] = [];

const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';
const call = <T>(method: string, path: string, body?: unknown) => stack.call<T>(method, path, body);
const status = async () => (await call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
const publish = (streamKey: string, video?: string[]) => {
  const p = startRtmpPublisher(topology, streamKey, video);
  publishers.push(p);
  return p;
};

/** The codec of the video the viewer's peer connection receives (what Janus forwarded, unchanged). */
const receivedVideoCodec = (p: Page) =>
  p.evaluate(async (expr) => {
    const pc = (0, eval)(expr) as RTCPeerConnection | null;
    if (!pc) return null;
    const stats = await pc.getStats();
    let codecId: string | undefined;
    stats.forEach((s: { type: string; kind?: string; codecId?: string }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') codecId = s.codecId;
    });
    const codec = codecId ? (stats.get(codecId) as { mimeType?: string } | undefined) : undefined;
    return codec?.mimeType ?? null;
  }, WATCH_PC);

const expectDecoding = (p: Page) => expectVideoDecoding(p, WATCH_PC);

beforeAll(async () => {
  stack = await startIngestStack();
  ({ topology, relay, browser, api } = stack);
  const live = await stack.liveShow('OBS 라이브');
  ({ show, key } = live);
  viewer = await browser.newPage();
  await viewer.goto(live.link.url);
}, 120_000);

afterAll(async () => {
  for (const p of publishers) p.kill('SIGKILL');
  await stack?.close();
});

describe('OBS ingest: RTMP in, H.264 to viewers unchanged', () => {
  it('issues one key per show, the same on a repeat, with OBS-shaped addresses', async () => {
    const again = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
    expect(again.streamKey).toBe(key.streamKey);
    expect(key.streamKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.rtmpServer).toBe(`rtmp://${topology.ip('server')}:1935/live`);
    expect(key.whipBearer).toBe(key.streamKey);
    // SRT: the show's own port, the key as its passphrase (obs-ingest-srt.test.ts); the same URL on a repeat.
    expect(key.srtUrl).toMatch(new RegExp(`^srt://${topology.ip('server').replaceAll('.', '\\.')}:90\\d\\d\\?passphrase=${key.streamKey}&`));
    expect(again.srtUrl).toBe(key.srtUrl);
  });

  it('refuses a wrong key before any media, records it, and keeps running', async () => {
    const wrong = publish('x'.repeat(43));
    expect(await exited(wrong)).not.toBe(0);
    const s = await status();
    expect(s.lastRefusal?.reason).toBe('unknown-key');
    expect(s.state).toBe('idle');
  });

  it('refuses video that is not H.264 (bad-media) before it reaches Janus', async () => {
    const flv1 = publish(key.streamKey, ['-c:v', 'flv1', '-pix_fmt', 'yuv420p']);
    await expect.poll(async () => (await status()).lastRefusal?.reason, { timeout: 30_000 }).toBe('bad-media');
    expect(await exited(flv1)).not.toBe(0);
    expect((await status()).state).toBe('idle');
  });

  it('refuses H.264 with B-frames (bad-media): viewers would freeze on it', async () => {
    const before = (await status()).lastRefusal?.at ?? 0;
    const bframes = publish(key.streamKey, ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '60', '-pix_fmt', 'yuv420p']);
    await expect.poll(async () => (await status()).lastRefusal?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
    expect((await status()).lastRefusal?.reason).toBe('bad-media');
    expect(await exited(bframes)).not.toBe(0);
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('idle');
  });

  it("OBS 30+ over WHIP: the show's key opens that show's WHIP endpoint and nothing else", async () => {
    const { sessionId } = await api.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: key.streamKey, showId: show.id, width: 640, height: 360, fps: 15 });
    await expect.poll(() => viewer.getAttribute('[data-testid="watch-state"]', 'data-state'), { timeout: 30_000 }).toBe('live');
    await expectDecoding(viewer);
    const asKey = (method: string, path: string) => relayCall(api, key.streamKey, method, path);
    expect((await asKey('GET', '/api/shows')).status).toBe(401);
    expect((await asKey('GET', `/api/shows/${show.id}/ingest`)).status).toBe(401);
    const other = (await call<Show>('POST', '/api/shows', { title: '다른 쇼' })).body;
    expect((await asKey('POST', `/whip/shows/${other.id}`)).status).toBe(401);
    expect((await asKey('DELETE', `/whip/sessions/${sessionId}`)).status).toBeLessThan(300);
    await api.evaluate(() => (window as unknown as { __pub: RTCPeerConnection }).__pub.close());
  });

  it("puts the publisher's picture on the watch link: H.264 arrives (no re-encode) over the namespace addresses", async () => {
    publish(key.streamKey);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
    expect((await status()).video).toEqual({ codec: 'h264', width: 1280, height: 720 });
    await expect.poll(() => viewer.getAttribute('[data-testid="watch-state"]', 'data-state'), { timeout: 30_000 }).toBe('live');
    await expectDecoding(viewer);
    expect(await receivedVideoCodec(viewer)).toBe('video/H264');
    expect(pairIsInNamespace(await selectedPair(viewer, WATCH_PC))).toBe(true);
  });

  it('a cue fired without a stamp (OBS mode) reaches viewers marked to wait for their own video delay', async () => {
    const token = new URL(viewer.url()).pathname.split('/w/')[1]!;
    // A second viewer socket on the api page (the relay's origin, inside the namespace) records what the relay sends.
    await api.evaluate(
      (t) =>
        new Promise<void>((resolve, reject) => {
          const w = window as unknown as { __stageMessages: unknown[] };
          w.__stageMessages = [];
          const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/watch`);
          ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token: t }));
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data)) as { type: string };
            if (m.type === 'welcome') resolve();
            if (m.type === 'stage') w.__stageMessages.push(m);
          };
          ws.onerror = () => reject(new Error('viewer socket failed'));
        }),
      token,
    );
    const version = (await call<{ version: number }>('GET', `/api/shows/${show.id}/stage`)).body.version;
    const fired = await call('POST', `/api/shows/${show.id}/cues`, { firingId: 'obs-mode-cue', baseVersion: version, captureMs: null, op: { op: 'clearCards' } });
    expect(fired.status).toBe(200);
    const got = () => api.evaluate(() => (window as unknown as { __stageMessages: { captureMs: number | null; holdForVideo?: boolean; stage: { version: number } }[] }).__stageMessages);
    await expect.poll(async () => (await got()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await got())[0]).toMatchObject({ captureMs: null, holdForVideo: true, stage: { version: version + 1 } });
  });

  it('a second simultaneous publisher and garbage on the RTMP port are refused; the first ingest goes on', async () => {
    const second = publish(key.streamKey);
    expect(await exited(second)).not.toBe(0);
    const garbage = topology.spawn('client', 'bash', ['-c', `head -c 20000 /dev/urandom > /dev/tcp/${topology.ip('server')}/1935; printf 'GET / HTTP/1.0\\r\\n\\r\\n' > /dev/tcp/${topology.ip('server')}/1935; true`]);
    await exited(garbage);
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await status()).state).toBe('receiving');
    await expectDecoding(viewer);
  });

  it("OBS's output dropping shows reconnecting; the same key reconnecting resumes the viewers by themselves", async () => {
    for (const p of publishers) p.kill('SIGKILL');
    await expect.poll(() => viewer.getAttribute('[data-testid="watch-busy"]', 'data-state'), { timeout: 30_000 }).toBe('reconnecting');
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('idle');
    publish(key.streamKey);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
    await expect.poll(() => viewer.locator('[data-testid="watch-busy"]').count(), { timeout: 30_000 }).toBe(0);
    await expectDecoding(viewer);
  });

  it('revoking the key (DELETE) cuts the running ingest; a new key for the show publishes again', async () => {
    const running = publishers[publishers.length - 1]!;
    expect((await call('DELETE', `/api/shows/${show.id}/ingest-key`)).status).toBe(204);
    await exited(running);
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('idle');
    const fresh = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
    expect(fresh.streamKey).not.toBe(key.streamKey);
    const old = publish(key.streamKey);
    expect(await exited(old)).not.toBe(0);
    expect((await status()).lastRefusal?.reason).toBe('revoked-key');
    key = fresh;
    publish(key.streamKey);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
    await expectDecoding(viewer);
  });

  it("a WHIP publish into the show replaces the RTMP ingest and cuts OBS's connection", async () => {
    const running = publishers[publishers.length - 1]!;
    await api.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: relay.studioKey, showId: show.id, width: 640, height: 360, fps: 15 });
    expect(await exited(running)).not.toBeUndefined();
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('idle');
    await expectDecoding(viewer);
    publish(key.streamKey);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
  });

  it('End show revokes the key and cuts the ingest; the old key is refused as revoked', async () => {
    const running = publishers[publishers.length - 1]!;
    await call('POST', `/api/shows/${show.id}/end`);
    await exited(running);
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('idle');
    const late = publish(key.streamKey);
    expect(await exited(late)).not.toBe(0);
    expect((await status()).lastRefusal?.reason).toBe('revoked-key');
    expect((await call('POST', `/api/shows/${show.id}/ingest-key`)).status).toBe(409);
  });
});
