import { describe, expect, it } from 'vitest';
import type { ReadyReplay } from '../../../common/replay/replay-view.js';
import { replaySources, waitsForRendition } from './replay-sources.js';

const base: ReadyReplay = { state: 'ready', durationSec: 10, videoPath: '/api/watch/t/replay/video', container: 'webm', fallback: null, spans: [], cues: [], chapters: [], results: [], liveOffers: false };
const withRendition: ReadyReplay = { ...base, fallback: { state: 'ready', videoPath: '/api/watch/t/replay/video.mp4' } };
/** A browser that plays MP4/H.264 but not WebM (iPhone Safari before iOS 17.4). */
const oldIphone = (type: string) => type.startsWith('video/mp4');
const chrome = () => true;

describe('the replay sources', () => {
  it('lists the WebM first with its codecs, then the MP4 rendition once it is ready', () => {
    expect(replaySources(withRendition, chrome).list).toEqual([
      { src: '/api/watch/t/replay/video', type: 'video/webm; codecs="vp8, opus"' },
      { src: '/api/watch/t/replay/video.mp4', type: 'video/mp4; codecs="avc1.64001F, mp4a.40.2"' },
    ]);
    expect(replaySources(withRendition, chrome).playable).toBe('replay');
    expect(replaySources({ ...base, fallback: { state: 'preparing' } }, chrome).list).toHaveLength(1);
  });

  it('an old iPhone plays the rendition, and cannot play anything while it is being made (the page asks again)', () => {
    expect(replaySources(withRendition, oldIphone).playable).toBe('rendition');
    const preparing: ReadyReplay = { ...base, fallback: { state: 'preparing' } };
    expect(replaySources(preparing, oldIphone).playable).toBe('none');
    expect(waitsForRendition(preparing, oldIphone)).toBe(true);
    expect(waitsForRendition(preparing, chrome)).toBe(false);
    expect(waitsForRendition(withRendition, oldIphone)).toBe(false);
    // An OBS show's replay is MP4 itself: no rendition, and it plays.
    expect(replaySources({ ...base, container: 'mp4' }, oldIphone).playable).toBe('replay');
  });
});
