/**
 * Frames that carry their own capture time: 32 bits of Date.now() plus an 8-bit checksum drawn
 * as a 10×4 grid of black/white blocks. These functions run inside Chromium (page.evaluate),
 * so each is self-contained.
 */

export interface StampedPublishOptions {
  relayUrl: string;
  studioKey: string;
  showId: string;
  width: number;
  height: number;
  fps: number;
  /** Publish through the studio's frame stamper (window.__studioStamper, tests/helpers/stamper-bundle.ts) instead of a bare connection. */
  stamper?: boolean;
}

/** Runs in the publisher page (served from the relay's origin): draws stamped frames and publishes them over WHIP. */
export async function publishStampedCanvas(o: StampedPublishOptions): Promise<{ sessionId: string }> {
  const canvas = document.createElement('canvas');
  canvas.width = o.width;
  canvas.height = o.height;
  const ctx = canvas.getContext('2d')!;
  const cols = 10;
  const rows = 4;
  const bw = Math.floor(o.width / 16);
  const bh = Math.floor(o.height / 9);
  let t = 0;
  const draw = () => {
    const now = Date.now();
    const lo = now >>> 0;
    const bits: number[] = [];
    for (let i = 31; i >= 0; i--) bits.push((lo >>> i) & 1);
    const sum = ((lo & 255) + ((lo >>> 8) & 255) + ((lo >>> 16) & 255) + ((lo >>> 24) & 255)) & 255;
    for (let i = 7; i >= 0; i--) bits.push((sum >>> i) & 1);
    ctx.fillStyle = '#406080';
    ctx.fillRect(0, 0, o.width, o.height);
    // Moving content so the encoder does real work, below the code grid.
    ctx.fillStyle = '#e0a040';
    ctx.fillRect((t * 7) % o.width, o.height * 0.6, o.width / 8, o.height / 5);
    t++;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        ctx.fillStyle = bits[r * cols + c] ? '#ffffff' : '#000000';
        ctx.fillRect(c * bw, r * bh, bw, bh);
      }
  };
  draw();
  setInterval(draw, 1000 / o.fps / 2);
  const stream = canvas.captureStream(o.fps);
  type Stamper = { createStampingPeerConnection(): RTCPeerConnection; pipeSender(s: RTCRtpSender, kind: 'video'): void };
  const stamper = o.stamper ? (window as unknown as { __studioStamper: Stamper }).__studioStamper : null;
  const pc = stamper ? stamper.createStampingPeerConnection() : new RTCPeerConnection();
  const tr = pc.addTransceiver(stream.getVideoTracks()[0]!, { direction: 'sendonly' });
  stamper?.pipeSender(tr.sender, 'video');
  const vp8 = (RTCRtpSender.getCapabilities('video')?.codecs ?? []).filter((c) => /vp8/i.test(c.mimeType));
  if (vp8.length) tr.setCodecPreferences(vp8);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const res = await fetch(`${o.relayUrl}/whip/shows/${o.showId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.studioKey}`, 'content-type': 'application/sdp' },
    body: pc.localDescription!.sdp,
  });
  if (res.status !== 201) throw new Error(`WHIP publish failed: ${res.status} ${await res.text()}`);
  await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
  const params = tr.sender.getParameters();
  params.encodings = [{ ...(params.encodings[0] ?? {}), maxBitrate: 2_500_000, maxFramerate: o.fps }];
  // Hold the resolution when the CPU is short (fps drops instead), as a product demo would want.
  (params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = 'maintain-resolution';
  await tr.sender.setParameters(params).catch(() => undefined);
  (window as unknown as { __pub: RTCPeerConnection }).__pub = pc;
  return { sessionId: (res.headers.get('location') ?? '').split('/').pop() ?? '' };
}

export interface StampSamples {
  latencies: number[];
  widths: number[];
  heights: number[];
  fps: number;
  rejected: number;
}

/** Runs in the viewer page: reads the stamp back from each rendered frame (requestVideoFrameCallback). */
export async function collectStampLatencies(args: { selector: string; count: number; timeoutMs: number }): Promise<StampSamples> {
  const video = document.querySelector(args.selector) as HTMLVideoElement;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const out: StampSamples = { latencies: [], widths: [], heights: [], fps: 0, rejected: 0 };
  let firstAt = 0;
  let lastAt = 0;
  return new Promise((resolve) => {
    const done = () => {
      out.fps = out.latencies.length > 1 ? ((out.latencies.length - 1) * 1000) / (lastAt - firstAt) : 0;
      resolve(out);
    };
    const timer = setTimeout(done, args.timeoutMs);
    const onFrame = () => {
      const renderedAt = Date.now();
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (w && h) {
        canvas.width = w;
        canvas.height = h;
        ctx.drawImage(video, 0, 0, w, h);
        const bw = w / 16;
        const bh = h / 9;
        const bits: number[] = [];
        for (let r = 0; r < 4; r++)
          for (let c = 0; c < 10; c++) {
            const px = ctx.getImageData(Math.floor(c * bw + bw / 2), Math.floor(r * bh + bh / 2), 1, 1).data;
            bits.push((px[0]! + px[1]! + px[2]!) / 3 > 128 ? 1 : 0);
          }
        let lo = 0;
        for (let i = 0; i < 32; i++) lo = (lo * 2 + bits[i]!) >>> 0;
        let sum = 0;
        for (let i = 32; i < 40; i++) sum = sum * 2 + bits[i]!;
        const check = ((lo & 255) + ((lo >>> 8) & 255) + ((lo >>> 16) & 255) + ((lo >>> 24) & 255)) & 255;
        if (check === sum) {
          const latency = ((renderedAt >>> 0) - lo + 2 ** 32) % 2 ** 32;
          if (latency >= 0 && latency < 10_000) {
            if (!firstAt) firstAt = renderedAt;
            lastAt = renderedAt;
            out.latencies.push(latency);
            out.widths.push(w);
            out.heights.push(h);
          } else out.rejected++;
        } else out.rejected++;
      }
      if (out.latencies.length >= args.count) {
        clearTimeout(timer);
        done();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}
