import type { Page } from 'playwright-core';
import { SUBNET_PREFIX } from './netns.js';

/**
 * In-page helpers for media tests and benchmarks. The functions passed to page.evaluate run in
 * Chromium, so they are self-contained.
 */

export interface SelectedPair {
  local: string;
  remote: string;
}

/** The addresses of the ICE candidate pair a peer connection actually uses. */
export async function selectedPair(page: Page, pcExpression: string): Promise<SelectedPair | null> {
  return page.evaluate(async (expr) => {
    const pc = (0, eval)(expr) as RTCPeerConnection | null;
    if (!pc) return null;
    const stats = await pc.getStats();
    let pairId: string | undefined;
    stats.forEach((s) => {
      if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
    });
    if (!pairId) stats.forEach((s) => { if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pairId = s.id; });
    const pair = pairId ? stats.get(pairId) : undefined;
    if (!pair) return null;
    const local = stats.get(pair.localCandidateId);
    const remote = stats.get(pair.remoteCandidateId);
    return { local: String(local?.address ?? local?.ip ?? ''), remote: String(remote?.address ?? remote?.ip ?? '') };
  }, pcExpression);
}

export function pairIsInNamespace(pair: SelectedPair | null): boolean {
  return !!pair && pair.local.startsWith(SUBNET_PREFIX) && pair.remote.startsWith(SUBNET_PREFIX);
}

/** Inbound media counters of a viewer's peer connection. */
export async function inboundCounters(page: Page, pcExpression: string): Promise<{ framesDecoded: number; framesDropped: number; audioBytes: number; frameWidth: number; frameHeight: number }> {
  return page.evaluate(async (expr) => {
    const pc = (0, eval)(expr) as RTCPeerConnection | null;
    // framesDropped: decoded but never put on screen (a frame superseded before its turn).
    const out = { framesDecoded: 0, framesDropped: 0, audioBytes: 0, frameWidth: 0, frameHeight: 0 };
    if (!pc) return out;
    (await pc.getStats()).forEach((s) => {
      if (s.type !== 'inbound-rtp') return;
      if (s.kind === 'video') {
        out.framesDecoded += s.framesDecoded ?? 0;
        out.framesDropped += s.framesDropped ?? 0;
        out.frameWidth = s.frameWidth ?? 0;
        out.frameHeight = s.frameHeight ?? 0;
      }
      if (s.kind === 'audio') out.audioBytes += s.bytesReceived ?? 0;
    });
    return out;
  }, pcExpression);
}

/** Polls `check` until it returns a truthy value or the deadline passes (then throws with `what`). */
export async function waitUntil<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000, everyMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Waits for the viewer's peer connection to decode video frames, then for ten more (it keeps decoding). */
export async function expectVideoDecoding(p: Page, pcExpression: string): Promise<void> {
  const first = await waitUntil('video frames at the viewer', async () => {
    const c = await inboundCounters(p, pcExpression);
    return c.framesDecoded > 0 ? c : null;
  }, 60_000);
  await waitUntil('more frames decoded', async () => (await inboundCounters(p, pcExpression)).framesDecoded > first.framesDecoded + 10, 30_000);
}
