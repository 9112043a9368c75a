import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioError } from '../../../../common/ipc-contract.js';
import type { ObsAction } from '../../../../common/obs.js';
import { dueCues, segmentClock, type CueAction, type Rundown } from '../../../../common/rundown.js';
import type { Stage } from '../../../../common/stage.js';
import { bridge } from '../../bridge.js';
import { newId } from '../../catalog/ids.js';
import { captureClockMs } from '../../live/capture-clock.js';
import { useErrorText } from '../../errors/error-text.js';

/** Where the host is in the run-down; kept per show in localStorage so a reloaded window picks up where it was. */
interface RunState {
  segIndex: number;
  /** Capture-clock ms when the current segment started; null until the show is on air. */
  startedAt: number | null;
  /** Fired cue ids by segment id. */
  fired: Record<string, string[]>;
}

export interface FireError {
  code: string;
  /** Already in the seller's language (errors/error-text.ts). */
  text: string;
}

/** Errors after which pressing the same key again should be the SAME firing (the relay may have applied it). */
const TRANSPORT = new Set(['shell_unreachable', 'relay_unreachable', 'timeout']);
/** A timed cue fired this late is fired "now" rather than at its planned instant. */
const MAX_LATE_MS = 2000;

const storageKey = (showId: string) => `lc.live.${showId}`;
function load(showId: string): RunState {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(showId)) ?? 'null') as RunState | null;
    if (raw && typeof raw.segIndex === 'number' && typeof raw.fired === 'object') return raw;
  } catch {
    // a damaged entry is simply replaced
  }
  return { segIndex: 0, startedAt: null, fired: {} };
}

function useNow(ms: number): number {
  const [now, setNow] = useState(captureClockMs);
  useEffect(() => {
    const id = setInterval(() => setNow(captureClockMs()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

interface Options {
  showId: string;
  rundown: Rundown | null;
  /** The show is on air (or rehearsing): segment timers run and timed cues fire. */
  running: boolean;
  stage: Stage | null;
  acceptStage: (s: Stage) => void;
  refreshStage: () => Promise<unknown>;
  /**
   * OBS mode: cues carry no frame stamp (no studio-captured frame; the relay shows them at the
   * ingest's estimated delay), and cues and segments run their OBS actions.
   */
  obsMode?: boolean;
}

/**
 * The live run of a run-down: current segment and its clock, which cues fired, firing with the
 * capture clock and the displayed stage version, and auto-firing of timed cues that are due.
 */
export function useLiveRun({ showId, rundown, running, stage, acceptStage, refreshStage, obsMode = false }: Options) {
  const [run, setRun] = useState<RunState>(() => load(showId));
  const [pending, setPending] = useState<Record<string, 'firing' | 'failed'>>({});
  const [error, setError] = useState<FireError | null>(null);
  const say = useErrorText();
  const retryIds = useRef(new Map<string, string>());
  const inFlight = useRef(new Set<string>());
  // Cues the relay accepted, known at once: `fired` (state) only catches up on the next render, and a
  // second key press can land in between, which would otherwise fire the same cue again.
  const landed = useRef(new Set<string>());
  const stageRef = useRef(stage);
  const now = useNow(200);

  useEffect(() => {
    stageRef.current = stage;
  }, [stage]);
  useEffect(() => localStorage.setItem(storageKey(showId), JSON.stringify(run)), [showId, run]);

  const segments = rundown?.segments ?? [];
  const segIndex = Math.min(Math.max(run.segIndex, 0), Math.max(segments.length - 1, 0));
  const segment = segments[segIndex] ?? null;
  const fired = new Set(segment ? (run.fired[segment.id] ?? []) : []);
  const isFired = (segmentId: string, cueId: string) => fired.has(cueId) || landed.current.has(`${segmentId}:${cueId}`);
  const clock = segment ? segmentClock(segment, run.startedAt ?? now, now, fired) : null;

  useEffect(() => {
    if (running && segment && run.startedAt === null) setRun((r) => ({ ...r, startedAt: captureClockMs() }));
  }, [running, segment, run.startedAt]);

  // Orders count for the segment on air: tell the relay when the show goes live on a segment and
  // whenever the host moves to another one (N, P or a click). A failure is retried on the next move.
  const entered = useRef<string | null>(null);
  const segmentObs = segment?.obsActions ?? [];
  const segmentId = segment?.id ?? null;
  const segmentTitle = segment?.title ?? '';
  useEffect(() => {
    if (!running) {
      entered.current = null;
      return;
    }
    if (!segmentId || entered.current === segmentId) return;
    entered.current = segmentId;
    bridge.invoke('segments.enter', { showId, segmentId, title: segmentTitle }).catch(() => {
      if (entered.current === segmentId) entered.current = null;
    });
    if (obsMode && segmentObs.length) runObs(segmentObs, segmentTitle);
  }, [running, showId, segmentId, segmentTitle]);

  const send = useCallback(
    async (key: string, action: CueAction, captureMs: number, cue?: { segmentId: string; cueId: string }) => {
      const firingId = retryIds.current.get(key) ?? newId();
      retryIds.current.set(key, firingId);
      try {
        const s = await bridge.invoke('cues.fire', { showId, action, firingId, captureMs: obsMode ? null : captureMs, baseVersion: stageRef.current?.version ?? 0 });
        retryIds.current.delete(key);
        stageRef.current = s;
        acceptStage(s);
        if (cue) landed.current.add(`${cue.segmentId}:${cue.cueId}`);
        if (cue) setRun((r) => ({ ...r, fired: { ...r.fired, [cue.segmentId]: [...new Set([...(r.fired[cue.segmentId] ?? []), cue.cueId])] } }));
        setPending(({ [key]: _done, ...rest }) => rest);
        setError(null);
      } catch (e) {
        const err = e as StudioError;
        const code = err.code ?? 'internal';
        if (!TRANSPORT.has(code)) retryIds.current.delete(key);
        if (code === 'stale_stage') void refreshStage();
        setPending((p) => ({ ...p, [key]: 'failed' }));
        setError({ code, text: say(e) });
      } finally {
        inFlight.current.delete(key);
      }
    },
    [showId, acceptStage, refreshStage, obsMode, say],
  );


  // Keys pressed in quick succession fire in order, each on the stage the previous one left
  // (its capture time is still the keypress's): a fast double Space is two cues, not a stale one.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const fire = useCallback(
    (key: string, action: CueAction, captureMs: number, cue?: { segmentId: string; cueId: string }) => {
      if (inFlight.current.has(key)) return chain.current;
      inFlight.current.add(key);
      setPending((p) => ({ ...p, [key]: 'firing' }));
      chain.current = chain.current.then(() => send(key, action, captureMs, cue));
      return chain.current;
    },
    [send],
  );

  const fireCue = useCallback(
    (index: number, captureMs = captureClockMs()) => {
      const cue = segment?.cues[index];
      if (!segment || !cue) return;
      void fire(cue.id, cue.action, captureMs, { segmentId: segment.id, cueId: cue.id });
      if (obsMode && cue.obsActions.length) runObs(cue.obsActions, cue.label || segment.title);
    },
    [segment, fire, obsMode],
  );

  // Timed cues fire by themselves, stamped with the instant they were due (the tick runs a little late).
  const startedAt = run.startedAt;
  useEffect(() => {
    if (!running || !segment || startedAt === null) return;
    for (const cue of dueCues(segment, startedAt, now, fired)) {
      if (pending[cue.id] || inFlight.current.has(cue.id) || isFired(segment.id, cue.id)) continue; // firing, or failed: the host decides
      const dueAt = startedAt + (cue.trigger.type === 'offset' ? cue.trigger.atSec * 1000 : 0);
      const late = captureClockMs() - dueAt;
      fireCue(segment.cues.indexOf(cue), late <= MAX_LATE_MS ? dueAt : captureClockMs());
    }
    // `fired` is derived from `run` each render; `now` drives the check.
  }, [now, running, segment, startedAt, pending, fireCue]);

  const goTo = useCallback(
    (i: number) => {
      if (i < 0 || i >= segments.length || i === segIndex) return;
      setRun((r) => ({ ...r, segIndex: i, startedAt: running ? captureClockMs() : null }));
      setPending({});
      setError(null);
    },
    [segments.length, segIndex, running],
  );

  const close = useCallback(
    (target: 'cards' | 'coupon' | 'quiz' | 'poll') => {
      const s = stageRef.current;
      const shown = !s || (target === 'cards' ? s.pinned.length > 0 : s[target] !== null);
      if (shown) void fire(`close:${target}`, { kind: 'close', target }, captureClockMs());
    },
    [fire],
  );

  return {
    segment,
    segIndex,
    count: segments.length,
    clock,
    started: startedAt !== null,
    fired,
    pending,
    error,
    dismissError: () => setError(null),
    fireCue,
    // The next cue not yet fired nor on its way, so a second press while the first is in flight fires the one after.
    fireNext: () => {
      const index = segment ? segment.cues.findIndex((c) => !isFired(segment.id, c.id) && !inFlight.current.has(c.id)) : -1;
      if (index >= 0) fireCue(index);
    },
    close,
    /** Fires a cue that is not in the run-down (the live shelf): same path, same capture-clock stamp. */
    fireAction: (key: string, action: CueAction, captureMs = captureClockMs()) => fire(`shelf:${key}`, action, captureMs),
    next: () => goTo(segIndex + 1),
    prev: () => goTo(segIndex - 1),
  };
}
export type LiveRun = ReturnType<typeof useLiveRun>;

/** Runs OBS actions; a failure reaches every window as `obs.actionFailed` (shown in the OBS panel). */
function runObs(actions: ObsAction[], label: string): void {
  void bridge.invoke('obs.runActions', { actions, label }).catch(() => undefined);
}
