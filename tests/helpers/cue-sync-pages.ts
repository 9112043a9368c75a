/** In-page code for bench:cue-sync (runs inside Chromium via page.evaluate; self-contained). */

interface Stamper {
  captureClockMs(): number;
  createStampingPeerConnection(): RTCPeerConnection;
  pipeSender(sender: RTCRtpSender, kind: 'video' | 'audio'): void;
}

/** Publisher: a canvas whose every frame shows its draw time (capture clock, ms) as 32 blocks + checksum, published over WHIP with the studio's stamper. */
export async function startStampedPublisher(o: { studioKey: string; showId: string; audio?: boolean }): Promise<void> {
  const st = (window as unknown as { __studioStamper: Stamper }).__studioStamper;
  const W = 1280;
  const H = 720;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d')!;
  const draws: number[] = [];
  let drawCount = 0;
  const draw = () => {
    const now = Math.round(st.captureClockMs());
    const lo = now >>> 0;
    const bits: number[] = [];
    for (let i = 31; i >= 0; i--) bits.push((lo >>> i) & 1);
    const sum = ((lo & 255) + ((lo >>> 8) & 255) + ((lo >>> 16) & 255) + ((lo >>> 24) & 255)) & 255;
    for (let i = 7; i >= 0; i--) bits.push((sum >>> i) & 1);
    ctx.fillStyle = '#406080';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = '#e0a040';
    ctx.fillRect((draws.length * 9) % W, H * 0.6, W / 8, H / 5);
    const bw = Math.floor(W / 16);
    const bh = Math.floor(H / 9);
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 10; c++) {
        ctx.fillStyle = bits[r * 10 + c] ? '#ffffff' : '#000000';
        ctx.fillRect(c * bw, r * bh, bw, bh);
      }
    draws.push(now);
    drawCount++;
    if (draws.length > 20_000) draws.splice(0, 10_000);
  };
  // Drawn in animation frames, about every other one at 60 Hz: the canvas is captured when it is
  // painted, so a draw there is captured a constant time later, as a camera stamps its frames a
  // constant time after exposure. Drawn on a timer instead, a frame waited 0–17 ms for the next
  // paint, so its capture stamp and the instant in its pixels disagreed by a different amount each
  // frame, and "the frame nearest the keypress" by pixels and by stamps differed for a third of the
  // cues (bench:replay, 2026-12-06).
  let lastDraw = -Infinity;
  const onAnimationFrame = (t: number) => {
    if (t - lastDraw >= 1000 / 30 - 8) {
      lastDraw = t;
      draw();
    }
    requestAnimationFrame(onAnimationFrame);
  };
  requestAnimationFrame(onAnimationFrame);
  // No frame rate: a new video frame for every draw, so every drawn instant is a captured frame.
  const stream = canvas.captureStream();
  const pc = st.createStampingPeerConnection();
  const tr = pc.addTransceiver(stream.getVideoTracks()[0]!, { direction: 'sendonly' });
  st.pipeSender(tr.sender, 'video');
  drawCount = 0; // from here on, against the sender's own counters
  if (o.audio) {
    // A tone, through the stamper like the studio's microphone.
    const ac = new AudioContext();
    const osc = ac.createOscillator();
    const dest = ac.createMediaStreamDestination();
    osc.connect(dest);
    osc.start();
    const atr = pc.addTransceiver(dest.stream.getAudioTracks()[0]!, { direction: 'sendonly' });
    st.pipeSender(atr.sender, 'audio');
  }
  const vp8 = (RTCRtpSender.getCapabilities('video')?.codecs ?? []).filter((c) => /vp8/i.test(c.mimeType));
  if (vp8.length) tr.setCodecPreferences(vp8);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const res = await fetch(`/whip/shows/${o.showId}`, { method: 'POST', headers: { authorization: `Bearer ${o.studioKey}`, 'content-type': 'application/sdp' }, body: pc.localDescription!.sdp });
  if (res.status !== 201) throw new Error(`WHIP publish failed: ${res.status} ${await res.text()}`);
  await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
  const params = tr.sender.getParameters();
  params.encodings = [{ ...(params.encodings[0] ?? {}), maxBitrate: 2_500_000, maxFramerate: 30 }];
  (params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = 'maintain-resolution';
  await tr.sender.setParameters(params).catch(() => undefined);
  const w = window as unknown as { __draws: number[]; __pub: RTCPeerConnection; __drawCount: () => number };
  w.__draws = draws;
  w.__pub = pc;
  w.__drawCount = () => drawCount;
}

/** Publisher: fires one cue now (as a host's keypress would) and returns the capture-clock instant. */
export async function fireCueNow(o: { studioKey: string; showId: string; baseVersion: number; firingId: string; pin: boolean; pathDelayMs?: number }): Promise<{ firedAt: number; version: number }> {
  const st = (window as unknown as { __studioStamper: Stamper }).__studioStamper;
  const firedAt = st.captureClockMs();
  // A slow data path (a lossy uplink's TCP stalls, a busy relay): the cue leaves this long after its keypress.
  if (o.pathDelayMs) await new Promise((r) => setTimeout(r, o.pathDelayMs));
  const op = o.pin
    ? { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 10, externalUrl: null }] }
    : { op: 'clearCards' };
  const res = await fetch(`/api/shows/${o.showId}/cues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.studioKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ firingId: o.firingId, baseVersion: o.baseVersion, captureMs: firedAt, op }),
  });
  if (!res.ok) throw new Error(`cue failed: ${res.status} ${await res.text()}`);
  return { firedAt, version: ((await res.json()) as { version: number }).version };
}

/** Publisher: the draw instants around `t` (for the frame nearest the keypress). */
export function drawsAround(t: number): number[] {
  return (window as unknown as { __draws: number[] }).__draws.filter((d) => Math.abs(d - t) < 200);
}

/**
 * Viewer (live or replay): installs window.__readStamp(video), which reads the drawn instant (low
 * 32 bits, capture clock) from the pixels of the frame the video shows now, or null when the
 * blocks or their checksum do not read (a frame in the middle of a resolution change, a smear).
 */
export function installStampReader(): void {
  // One canvas pixel per block (16 × 9 of the frame), sampled nearest: each pixel is its block's
  // centre, read with one small draw. A full-size canvas (reset every frame, 40 reads) cost the
  // viewer's main thread enough to skip frames on a busy machine: the instrument weighed on the page it measures.
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 9;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingEnabled = false;
  (window as unknown as { __readStamp: (video: HTMLVideoElement) => number | null }).__readStamp = (video) => {
    const vw = video.videoWidth;
    const vh = video.videoHeight;
    if (!vw || !vh) return null;
    ctx.drawImage(video, 0, 0, vw, vh, 0, 0, 16, 9);
    const px = ctx.getImageData(0, 0, 16, 9).data;
    const bits: number[] = [];
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 10; c++) {
        const at = (r * 16 + c) * 4;
        bits.push((px[at]! + px[at + 1]! + px[at + 2]!) / 3 > 128 ? 1 : 0);
      }
    let lo = 0;
    for (let i = 0; i < 32; i++) lo = (lo * 2 + bits[i]!) >>> 0;
    let sum = 0;
    for (let i = 32; i < 40; i++) sum = sum * 2 + bits[i]!;
    return (((lo & 255) + ((lo >>> 8) & 255) + ((lo >>> 16) & 255) + ((lo >>> 24) & 255)) & 255) === sum ? lo : null;
  };
}

/** A full capture-clock instant from its low 32 bits (as the pixels carry it), taking the high bits of `near`. */
export function fullInstant(lo: number, near: number): number {
  let t = Math.floor(near / 2 ** 32) * 2 ** 32 + lo;
  if (t - near > 2 ** 31) t -= 2 ** 32;
  if (near - t > 2 ** 31) t += 2 ** 32;
  return t;
}

/**
 * The first frame the viewer presented whose drawn instant is at or after `reference` (a frame's
 * drawn instant), or null: on a page that skips frames, the earliest a cue fired on `reference`
 * could be seen. `presented` holds full drawn instants.
 */
export function firstPresentedFrom(presented: readonly number[], reference: number): number | null {
  let best: number | null = null;
  for (const p of presented) if (p >= reference - 1 && (best === null || p < best)) best = p;
  return best;
}

/** Of the publisher's draw instants, the one nearest `t` (the frame on screen at a keypress). */
export function nearestDraw(draws: readonly number[], t: number): number {
  return draws.reduce((best, d) => (Math.abs(d - t) < Math.abs(best - t) ? d : best), draws[0] ?? t);
}

/**
 * Viewer: on every rendered frame, read the drawn instant from the pixels and remember it under the
 * frame's capture stamp; when the displayed stage changes, record the pixels of the frame the page
 * says it showed the stage on (it may be the frame already on screen when the message arrived).
 * Needs installStampReader first.
 */
export function watchStageFrames(): void {
  const video = document.querySelector('[data-testid="watch-video"]') as HTMLVideoElement;
  const w = window as unknown as {
    __changes: { version: number; pixelLo: number | null; stamp: number | null }[];
    __lcWatch: { stage(): { version: number } | null; lastFrameCaptureMs(): number | null; stageShownAt(): { version: number; frameCaptureMs: number | null } };
    __readStamp: (video: HTMLVideoElement) => number | null;
    __rendered: { frames: number; since: number; skipped: number };
    __presented: (number | null)[];
    __presentedAt: { at: number; stamp: number | null }[];
  };
  w.__changes = [];
  // The drawn instant of every frame the page rendered (bounded): a cue's first chance is the first of these at or after its frame.
  w.__presented = [];
  // Beside each: when its callback ran (page clock) and the capture stamp the page read for it.
  w.__presentedAt = [];
  // Frames the page rendered, and frames the compositor presented without a callback (a busy page skips them).
  w.__rendered = { frames: 0, since: performance.now(), skipped: 0 };
  let presented: number | null = null;
  const pixelsByStamp = new Map<number, number | null>();
  let last = w.__lcWatch.stage()?.version ?? -1;
  const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    w.__rendered.frames++;
    if (presented !== null && meta.presentedFrames > presented + 1) w.__rendered.skipped += meta.presentedFrames - presented - 1;
    presented = meta.presentedFrames;
    const at = performance.now();
    const pixelLo = w.__readStamp(video);
    const stamp = w.__lcWatch.lastFrameCaptureMs();
    if (w.__presented.length < 50_000) {
      w.__presented.push(pixelLo);
      w.__presentedAt.push({ at, stamp });
    }
    if (stamp !== null) {
      pixelsByStamp.set(stamp, pixelLo);
      if (pixelsByStamp.size > 600) pixelsByStamp.delete(pixelsByStamp.keys().next().value!);
    }
    const version = w.__lcWatch.stage()?.version ?? -1;
    if (version !== last) {
      last = version;
      const shownOn = w.__lcWatch.stageShownAt().frameCaptureMs;
      w.__changes.push({ version, stamp: shownOn, pixelLo: shownOn !== null && pixelsByStamp.has(shownOn) ? pixelsByStamp.get(shownOn)! : pixelLo });
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

/**
 * Viewer, before the watch page loads (addInitScript): records when each stage message reached the
 * page (page clock), by version, so a cue shown late can be told from a cue that came late.
 */
export function recordStageArrivals(): void {
  const arrivals: { version: number; at: number; captureMs: number | null }[] = [];
  (window as unknown as { __stageArrivals: typeof arrivals }).__stageArrivals = arrivals;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the page's own listener, so it runs first, on the same task.
      this.addEventListener('message', (ev: MessageEvent) => {
        if (typeof ev.data !== 'string' || !ev.data.includes('"stage"')) return;
        try {
          const m = JSON.parse(ev.data) as { type?: string; stage?: { version?: number }; captureMs?: number | null };
          if (m.type === 'stage' && typeof m.stage?.version === 'number' && arrivals.length < 10_000) arrivals.push({ version: m.stage.version, at: performance.now(), captureMs: m.captureMs ?? null });
        } catch {
          /* not one message (a chat batch): not a stage update */
        }
      });
    }
  };
}
