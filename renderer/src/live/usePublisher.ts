import { useEffect, useState } from 'react';
import { QUALITY, type QualityPreset } from '../../../common/quality.js';
import { bridge } from '../bridge.js';
import { Publisher, type PublisherSnapshot } from './publisher.js';

const IDLE: PublisherSnapshot = { state: { kind: 'idle' }, error: null, ending: false };

/** One Publisher per control room; keeps it fed with the current tracks and quality. */
export function usePublisher(showId: string, video: MediaStreamTrack | null, audio: MediaStreamTrack | null, quality: QualityPreset) {
  const [publisher, setPublisher] = useState<Publisher | null>(null);
  const [snap, setSnap] = useState<PublisherSnapshot>(IDLE);

  useEffect(() => {
    const p = new Publisher(bridge, showId, QUALITY[quality]);
    setPublisher(p);
    const off = p.subscribe(setSnap);
    return () => {
      off();
      p.dispose();
    };
    // quality is applied by the effect below; a new show gets a new publisher
  }, [showId]);

  useEffect(() => void publisher?.setTracks(video, audio), [publisher, video, audio]);
  useEffect(() => publisher?.setQuality(QUALITY[quality]), [publisher, quality]);

  const onAir = ['connecting', 'live', 'reconnecting'].includes(snap.state.kind);
  useEffect(() => {
    if (!onAir) return;
    // Closing the window would cut the show off mid-sentence; ask first.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [onAir]);

  return { publisher, snap, onAir };
}
