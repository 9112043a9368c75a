import type { ProductNumbers } from '../../../common/analytics.js';

/** Pure chart geometry for the hand-written SVG charts (tested without a DOM). */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `v`; at least `floor`. */
export function niceMax(v: number, floor = 1): number {
  const x = Math.max(v, floor);
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** Evenly spaced axis ticks from 0 to `max` (inclusive), with whole-number steps when `max` allows (viewers are whole people). */
export function ticks(max: number, preferred = 4): number[] {
  const n = [preferred, 5, 4, 2, 1].find((k) => Number.isInteger(max / k)) ?? preferred;
  return Array.from({ length: n + 1 }, (_, i) => (max * i) / n);
}

export interface Sample {
  at: number;
  viewers: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Time domain in ms; a single moment is widened so the line still has a width. */
  t0: number;
  t1: number;
  max: number;
}

/** The frame a chart of these samples (and marker times) is drawn in. */
export function frameFor(samples: readonly Sample[], width: number, height: number, markers: readonly number[] = []): Frame {
  const times = [...samples.map((s) => s.at), ...markers];
  const t0 = times.length ? Math.min(...times) : 0;
  let t1 = times.length ? Math.max(...times) : 1;
  if (t1 <= t0) t1 = t0 + 60_000;
  return { width, height, t0, t1, max: niceMax(Math.max(0, ...samples.map((s) => s.viewers)), 5) };
}

export const xAt = (f: Frame, at: number) => ((at - f.t0) / (f.t1 - f.t0)) * f.width;
export const yAt = (f: Frame, v: number) => f.height - (Math.min(Math.max(v, 0), f.max) / f.max) * f.height;

/** SVG polyline points for the samples (held between samples: a viewer count is a step, not a slope). */
export function stepPoints(samples: readonly Sample[], f: Frame): string {
  const pts: string[] = [];
  samples.forEach((s, i) => {
    const x = xAt(f, s.at).toFixed(1);
    if (i > 0) pts.push(`${x},${yAt(f, samples[i - 1]!.viewers).toFixed(1)}`);
    pts.push(`${x},${yAt(f, s.viewers).toFixed(1)}`);
  });
  return pts.join(' ');
}

/** A bar's length as a fraction of the longest, in [0, 1]. */
export function fraction(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(1, value / max);
}

export type FunnelStep = 'saw' | 'opened' | 'startedCheckout' | 'ordered';
export const FUNNEL_STEPS: readonly FunnelStep[] = ['saw', 'opened', 'startedCheckout', 'ordered'];

/** Each step with its share of the first step (saw), for one funnel bar per product. */
export function funnel(p: Pick<ProductNumbers, FunnelStep>): { step: FunnelStep; value: number; ofFirst: number }[] {
  return FUNNEL_STEPS.map((step) => ({ step, value: p[step], ofFirst: fraction(p[step], p.saw) }));
}

/** Adds a sample, replacing one within `mergeMs` of the last, keeping at most `cap` (the oldest go). */
export function addSample(samples: readonly Sample[], s: Sample, cap = 2000, mergeMs = 1000): Sample[] {
  const last = samples.at(-1);
  if (last && s.at < last.at) return [...samples];
  const next = last && s.at - last.at < mergeMs ? [...samples.slice(0, -1), { at: last.at, viewers: s.viewers }] : [...samples, s];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
