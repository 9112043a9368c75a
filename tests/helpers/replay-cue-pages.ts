/** In-page code for bench:replay's cue offset (runs inside Chromium via page.evaluate; self-contained). */

/**
 * Replay viewer: seeks the replay to `fromSec` (paused), plays it, and when the product cards on
 * screen become `pinned` (a card shown / none), reads the drawn instant from the pixels of the video
 * frame on screen at that moment (the DOM change is noticed in a MutationObserver, before the next
 * paint). `before`: what was on screen after the seek (must be the other state, else the cue is not
 * measurable from there). `videoSec`: the video's currentTime then; `frameSec`: the media time of the
 * frame presented with the change (null if no frame followed); `presentedLo`: the drawn instants of
 * the frames presented from the play to the change and one after. null: the change did not come within `timeoutMs`. Needs installStampReader.
 */
export async function replayCueFrame(o: { fromSec: number; pinned: boolean; timeoutMs: number }): Promise<{ before: boolean; pixelLo: number | null; videoSec: number; frameSec: number | null; presentedLo: number[] } | null> {
  const video = document.querySelector('[data-testid="replay-video"]') as HTMLVideoElement;
  const readStamp = (window as unknown as { __readStamp: (v: HTMLVideoElement) => number | null }).__readStamp;
  const shown = () => document.querySelector('[data-testid="product-card"]') !== null;
  video.pause();
  await new Promise<void>((resolve) => {
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.currentTime = o.fromSec;
  });
  // The page re-renders on 'seeked' in a later task: let it settle before looking.
  await new Promise((r) => setTimeout(r, 300));
  const before = shown();
  if (before === o.pinned) return { before, pixelLo: null, videoSec: video.currentTime, frameSec: null, presentedLo: [] };
  // The drawn instant of every frame presented while playing: the frames the video has (an encoder drops some).
  const presentedLo: number[] = [];
  // The media time of the frame presented with the change (diagnostics: the player's clock against
  // its picture). The player's frame callback was registered first, so it runs first for a frame and
  // the change is seen before this page's callback for the same frame: that callback, the next one
  // to run, tells the frame's media time (reading the one before it was one frame early, always).
  let frameSec: number | null = null;
  let changed: { pixelLo: number | null; videoSec: number } | null = null;
  return new Promise((resolve) => {
    let frameCb = 0;
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      video.cancelVideoFrameCallback(frameCb);
      video.pause();
    };
    const onFrame = (_now: number, meta: { mediaTime: number }) => {
      frameSec = meta.mediaTime;
      const lo = readStamp(video);
      if (lo !== null && presentedLo.length < 10_000) presentedLo.push(lo);
      if (!changed) return void (frameCb = video.requestVideoFrameCallback(onFrame));
      stop();
      resolve({ before, ...changed, frameSec, presentedLo });
    };
    frameCb = video.requestVideoFrameCallback(onFrame);
    const observer = new MutationObserver(() => {
      if (changed || shown() !== o.pinned) return;
      // The picture on screen with the change; the frame's media time comes with the next callback.
      changed = { pixelLo: readStamp(video), videoSec: video.currentTime };
    });
    const timer = setTimeout(() => {
      stop();
      resolve(changed ? { before, ...changed, frameSec: null, presentedLo } : null);
    }, o.timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true });
    void video.play();
  });
}
