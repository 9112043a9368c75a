import { describe, expect, it } from 'vitest';
import { ShowRecording } from './replay-studio.js';

describe('ShowRecording', () => {
  const fromOlderRelay = { record: true, status: 'ready', progress: 1, parts: 1, bytes: 10, durationMs: 1000, error: null };

  it('reads a relay that reports no MP4 rendition as having none', () => {
    expect(ShowRecording.parse(fromOlderRelay).rendition).toEqual({ state: 'none', progress: 0, error: null });
  });

  it('refuses a rendition state or progress it does not know', () => {
    expect(ShowRecording.safeParse({ ...fromOlderRelay, rendition: { state: 'half', progress: 0, error: null } }).success).toBe(false);
    expect(ShowRecording.safeParse({ ...fromOlderRelay, rendition: { state: 'encoding', progress: 1.5, error: null } }).success).toBe(false);
    expect(ShowRecording.parse({ ...fromOlderRelay, rendition: { state: 'encoding', progress: 0.4, error: null } }).rendition.progress).toBe(0.4);
  });
});
