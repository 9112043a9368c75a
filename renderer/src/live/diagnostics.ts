import { lastDownload } from '../commerce/download.js';
import { captureClockMs } from './capture-clock.js';

/** What the diagnostics need of the current publisher. */
interface Tracked {
  readonly peerConnection: RTCPeerConnection | null;
  readonly snapshot: { state: { kind: string } };
}

let current: Tracked | null = null;

export function trackPublisher(p: Tracked): void {
  current = p;
}
export function untrackPublisher(p: Tracked): void {
  if (current === p) current = null;
}

/** Diagnostics for end-to-end tests and benchmarks (window.__lcStudio); installed only by the build for tests (build-flags.ts). */
export function installDiagnostics(): void {
  (window as unknown as { __lcStudio: unknown }).__lcStudio = {
    pc: () => current?.peerConnection ?? null,
    state: () => current?.snapshot.state.kind ?? 'idle',
    /** The clock frame stamps and cue firings use (see ./capture-clock.ts). */
    captureClockMs,
    /** The last CSV (or other file) the studio saved: `{ filename, text }` or null. */
    lastDownload,
  };
}
