/**
 * Bundled into the publisher pages of bench:cue-sync and bench:glass-to-glass: the studio's own
 * frame stamper and capture clock, so the benchmarks measure the code the studio ships, not a copy
 * of it. The worker of the standard path comes as source text (a blob URL: this bundle has no URL
 * of its own to resolve the worker's file against); `__stampPath` forces a path for comparisons.
 */
import { captureClockMs } from '../../renderer/src/live/capture-clock.js';
import { createStampingPeerConnection, forceStampPath, pipeSender, stampPath, type StampPath } from '../../renderer/src/live/frame-stamper.js';

const w = window as unknown as { __stampWorkerSource: string; __stampPath: StampPath | null; __studioStamper: unknown };
forceStampPath(w.__stampPath ?? null, () => new Worker(URL.createObjectURL(new Blob([w.__stampWorkerSource], { type: 'text/javascript' }))));
w.__studioStamper = { captureClockMs, createStampingPeerConnection, pipeSender, path: stampPath() };
