import type { Page } from 'playwright-core';
import { installStampReader, watchStageFrames } from './cue-sync-pages.js';
import { percentile } from './stats.js';

/**
 * Stampless cues on an ingest show (bench:obs-latency): the api page fires a cue with no frame
 * stamp, as the studio does in OBS mode; the viewer page records the encoder's capture stamp
 * (read from the pixels, stamped-rtmp.ts) of the frame on screen when the stage changed. The
 * error is that stamp minus the fire instant: how far from "the picture the host saw" it landed.
 */
async function fireStampless(o: { studioKey: string; showId: string; firingId: string; pin: boolean }): Promise<{ firedAt: number; version: number }> {
  const headers = { authorization: `Bearer ${o.studioKey}`, 'content-type': 'application/json' };
  const stage = (await (await fetch(`/api/shows/${o.showId}/stage`, { headers })).json()) as { version: number };
  const op = o.pin
    ? { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 10, externalUrl: null }] }
    : { op: 'clearCards' };
  const firedAt = Date.now();
  const res = await fetch(`/api/shows/${o.showId}/cues`, { method: 'POST', headers, body: JSON.stringify({ firingId: o.firingId, baseVersion: stage.version, captureMs: null, op }) });
  if (!res.ok) throw new Error(`cue failed: ${res.status} ${await res.text()}`);
  return { firedAt, version: ((await res.json()) as { version: number }).version };
}

export async function measureStamplessCues(o: { viewer: Page; api: Page; studioKey: string; showId: string; count: number }): Promise<{ absP50: number; absP95: number; signedP50: number; n: number }> {
  // Ingest frames carry no studio stamp, so each change records the pixels of the frame on screen.
  await o.viewer.evaluate(installStampReader);
  await o.viewer.evaluate(watchStageFrames);
  const errors: number[] = [];
  for (let i = 0; i < o.count; i++) {
    const { firedAt, version } = await o.api.evaluate(fireStampless, { studioKey: o.studioKey, showId: o.showId, firingId: `bench-${i}-${Date.now()}`, pin: i % 2 === 0 });
    await o.viewer.waitForTimeout(1500);
    const seen = await o.viewer.evaluate((v) => (window as unknown as { __changes: { version: number; pixelLo: number | null }[] }).__changes.find((c) => c.version === v) ?? null, version);
    if (seen?.pixelLo == null) continue;
    const lo = firedAt >>> 0;
    let err = seen.pixelLo - lo;
    if (err > 2 ** 31) err -= 2 ** 32;
    if (err < -(2 ** 31)) err += 2 ** 32;
    errors.push(err);
  }
  const abs = errors.map(Math.abs);
  // Signed: negative = the cue showed over a picture from before it was fired (early).
  return { absP50: percentile(abs, 50), absP95: percentile(abs, 95), signedP50: percentile(errors, 50), n: errors.length };
}
