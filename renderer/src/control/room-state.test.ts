import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../../common/live-state.js';
import type { ShowStatus } from '../../../common/show.js';
import { deriveRoom } from './room-state.js';

const states: LiveState[] = [
  { kind: 'idle' },
  { kind: 'connecting', showId: 's' },
  { kind: 'live', showId: 's', since: 1 },
  { kind: 'reconnecting', showId: 's', since: 1, attempt: 2 },
  { kind: 'ended', showId: 's' },
  { kind: 'failed', showId: 's', message: 'x' },
];
const statuses: ShowStatus[] = ['scheduled', 'live', 'ended'];

describe('deriveRoom (one source for badge, pill and buttons)', () => {
  it('never offers Go live (or Resume) and End as equals, nor a main button while sending', () => {
    for (const status of statuses)
      for (const live of states) {
        const v = deriveRoom(status, live);
        if (v.primary === 'goLive') expect(v.canEnd, `${status}/${live.kind}`).toBe(false);
        if (v.sending) expect(v.primary, `${status}/${live.kind}`).toBeNull();
        if (v.phase === 'ended') expect(v.canEnd || v.primary !== null).toBe(false);
      }
  });

  it('a reopened studio with the relay still live offers Resume, not Go live', () => {
    expect(deriveRoom('live', { kind: 'idle' })).toEqual({ phase: 'interrupted', primary: 'resume', canEnd: true, sending: false });
  });

  it('a failed resume of a live show still offers Resume and End', () => {
    expect(deriveRoom('live', { kind: 'failed', showId: 's', message: 'no camera' })).toMatchObject({ phase: 'failed', primary: 'resume', canEnd: true });
    expect(deriveRoom('scheduled', { kind: 'failed', showId: 's', message: 'no camera' })).toMatchObject({ phase: 'failed', primary: 'goLive', canEnd: false });
  });

  it('a scheduled show is being prepared; an ended show (by the relay or here) is ended', () => {
    expect(deriveRoom('scheduled', { kind: 'idle' }).phase).toBe('preparing');
    expect(deriveRoom('ended', { kind: 'live', showId: 's', since: 1 }).phase).toBe('ended');
    expect(deriveRoom('live', { kind: 'ended', showId: 's' }).phase).toBe('ended');
  });

  it('while this window sends, the phase is the publisher’s', () => {
    expect(deriveRoom('live', { kind: 'reconnecting', showId: 's', since: 1, attempt: 1 })).toMatchObject({ phase: 'reconnecting', canEnd: true, sending: true });
    // The relay's show update can lag behind our own go-live: still connecting, End available.
    expect(deriveRoom('scheduled', { kind: 'connecting', showId: 's' })).toMatchObject({ phase: 'connecting', canEnd: true, primary: null });
  });
});
