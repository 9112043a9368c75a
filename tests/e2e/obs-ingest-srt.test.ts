import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import { startIngestStack, type IngestStack } from '../helpers/ingest-stack.js';
import { expectVideoDecoding, pairIsInNamespace, selectedPair } from '../helpers/media-pages.js';
import { exited, startSrtPublisher } from '../helpers/rtmp-publisher.js';

/**
 * OBS over SRT: each show holding a key has its own SRT port whose passphrase is the key. An
 * encoder (ffmpeg in the client namespace, sending MPEG-TS as OBS's SRT output does) without the
 * key fails the handshake and nothing reaches Janus; with it, the H.264 reaches a viewer unchanged.
 */
let stack: IngestStack;
const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';

beforeAll(async () => {
  stack = await startIngestStack();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('OBS ingest over SRT', () => {
  it('a wrong passphrase is refused in the handshake; the show key gets H.264 to the viewer; revoking cuts it', async () => {
    const { show, key, link } = await stack.liveShow('SRT 라이브');
    const status = async () => (await stack.call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
    expect(key.srtUrl).toMatch(/^srt:\/\/10\.\d+\.\d+\.\d+:\d+\?passphrase=[A-Za-z0-9_-]{43}&/);
    const wrong = startSrtPublisher(stack.topology, key.srtUrl!.replace(/passphrase=[^&]+/, 'passphrase=not-the-show-key-0123456789'));
    expect(await exited(wrong)).not.toBe(0);
    expect((await status()).state).toBe('idle');

    const right = startSrtPublisher(stack.topology, key.srtUrl!);
    try {
      await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
      expect((await status()).video).toEqual({ codec: 'h264', width: 1280, height: 720 });
      const viewer = await stack.browser.newPage();
      await viewer.goto(link.url);
      await expectVideoDecoding(viewer, WATCH_PC);
      expect(pairIsInNamespace(await selectedPair(viewer, WATCH_PC))).toBe(true);
      // Revoking the key closes the show's SRT port: the running encoder is cut.
      expect((await stack.call('DELETE', `/api/shows/${show.id}/ingest-key`)).status).toBe(204);
      await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('idle');
      await viewer.close();
    } finally {
      right.kill('SIGKILL');
    }
  });
});
