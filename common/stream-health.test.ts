import { describe, expect, it } from 'vitest';
import { computeHealth, type PublisherSample } from './stream-health.js';

const base: PublisherSample = { timestamp: 0, bytesSent: 0, framesEncoded: 0, packetsSent: 0, roundTripTime: null, packetsLost: null, frameWidth: 1280, frameHeight: 720 };

describe('computeHealth', () => {
  it('derives bitrate, fps, rtt and loss from two samples', () => {
    const h = computeHealth(
      { ...base, packetsLost: 0 },
      { ...base, timestamp: 2000, bytesSent: 500_000, framesEncoded: 60, packetsSent: 990, roundTripTime: 0.042, packetsLost: 10 },
    );
    expect(h.bitrateKbps).toBe(2000);
    expect(h.fps).toBe(30);
    expect(h.rttMs).toBe(42);
    expect(h.lossPct).toBe(1);
    expect(h.resolution).toBe('1280×720');
    expect(h.grade).toBe('good');
  });

  it('grades a poor stream and leaves unknowns as null', () => {
    const h = computeHealth(base, { ...base, timestamp: 1000, framesEncoded: 5 });
    expect(h.rttMs).toBeNull();
    expect(h.lossPct).toBeNull();
    expect(h.grade).toBe('poor');
  });

  it('never reports negative rates when counters reset', () => {
    const h = computeHealth({ ...base, bytesSent: 1000, framesEncoded: 100 }, { ...base, timestamp: 1000 });
    expect(h.bitrateKbps).toBe(0);
    expect(h.fps).toBe(0);
  });
});
