import { RENDITION_TYPE, REPLAY_CONTAINERS, type ReadyReplay } from '../../../common/replay/replay-view.js';

/** Asks a <video> whether it may play a type ('' = no); false outside a browser. */
export function canPlayHere(type: string): boolean {
  return typeof document !== 'undefined' && document.createElement('video').canPlayType(type) !== '';
}

/**
 * The replay's <source> list (docs/replay.md, "MP4 rendition"): the replay first with its codecs in
 * `type` (a browser that cannot play VP8 WebM, like iPhone Safari before iOS 17.4, skips it), then
 * the MP4 rendition once it is ready. The browser's own source selection picks, so no user agent is
 * guessed. `playable` says which one this browser can play ('none': neither, yet).
 */
export function replaySources(replay: ReadyReplay, canPlay: (type: string) => boolean = canPlayHere): { list: { src: string; type: string }[]; playable: 'replay' | 'rendition' | 'none' } {
  const main = { src: replay.videoPath, type: REPLAY_CONTAINERS[replay.container].canPlay };
  const rendition = replay.fallback?.state === 'ready' ? { src: replay.fallback.videoPath, type: RENDITION_TYPE.canPlay } : null;
  const list = rendition ? [main, rendition] : [main];
  const playable = canPlay(main.type) ? 'replay' : rendition && canPlay(rendition.type) ? 'rendition' : 'none';
  return { list, playable };
}

/** The page asks again while this browser waits for a rendition it could play (the WebM it cannot). */
export const waitsForRendition = (replay: ReadyReplay, canPlay: (type: string) => boolean = canPlayHere) => replay.fallback?.state === 'preparing' && !canPlay(REPLAY_CONTAINERS[replay.container].canPlay);
