import { useSyncExternalStore } from 'react';
import { bridge } from '../bridge.js';
import { addSample, type Sample } from './charts.js';

/**
 * Viewers over time for the live dashboard's line, from the events this window receives
 * (relay.viewers and each dashboard's viewersNow). Kept per show for as long as the window is
 * open, so switching tabs or pages does not lose the curve.
 */
const series = new Map<string, Sample[]>();
const listeners = new Set<() => void>();
let started = false;

function push(showId: string, viewers: number, at = Date.now()) {
  series.set(showId, addSample(series.get(showId) ?? [], { at, viewers }));
  for (const l of listeners) l();
}

function start() {
  if (started) return;
  started = true;
  bridge.on('relay.viewers', (p) => push(p.showId, p.count));
  bridge.on('relay.dashboard', (p) => push(p.showId, p.dashboard.viewersNow));
}

const EMPTY: Sample[] = [];

export function useViewerSamples(showId: string): Sample[] {
  start();
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => series.get(showId) ?? EMPTY,
  );
}
