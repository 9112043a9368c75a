/**
 * Bundled into the cue-sync publisher page: the studio's own frame stamper and capture clock, so
 * the benchmark measures the code the studio ships, not a copy of it.
 */
import { captureClockMs } from '../../renderer/src/live/capture-clock.js';
import { createStampingPeerConnection, pipeSender } from '../../renderer/src/live/frame-stamper.js';

(window as unknown as { __studioStamper: unknown }).__studioStamper = { captureClockMs, createStampingPeerConnection, pipeSender };
