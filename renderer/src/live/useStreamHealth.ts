import { useEffect, useState } from 'react';
import { computeHealth, type PublisherSample, type StreamHealth } from '../../../common/stream-health.js';
import type { Publisher } from './publisher.js';
import { readSample } from './stats.js';

const HISTORY = 60;

/** Samples getStats() every second while on air; keeps 60 s of bitrate for the sparkline. */
export function useStreamHealth(publisher: Publisher | null, onAir: boolean) {
  const [health, setHealth] = useState<StreamHealth | null>(null);
  const [history, setHistory] = useState<number[]>([]);

  useEffect(() => {
    if (!publisher || !onAir) {
      setHealth(null);
      return;
    }
    let prev: { pc: RTCPeerConnection; sample: PublisherSample } | null = null;
    let stopped = false;
    const tick = async () => {
      const pc = publisher.peerConnection;
      if (!pc) {
        prev = null;
        return;
      }
      const sample = await readSample(pc).catch(() => null);
      if (stopped || !sample) return;
      // Counters restart with every new RTCPeerConnection (a republish); never diff across them.
      if (prev && prev.pc === pc && sample.timestamp > prev.sample.timestamp) {
        const h = computeHealth(prev.sample, sample);
        setHealth(h);
        setHistory((xs) => [...xs, h.bitrateKbps].slice(-HISTORY));
      }
      prev = { pc, sample };
    };
    const timer = setInterval(() => void tick(), 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [publisher, onAir]);

  return { health, history };
}
