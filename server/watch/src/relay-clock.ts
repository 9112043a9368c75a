import { useEffect, useState } from 'react';
import type { Stage } from '../../../common/stage.js';

const WINDOW = 8;

/**
 * The relay's clock as seen from this page. Coupon and quiz end times are relay times, and a
 * phone's own clock can be minutes off. Each message carries `serverNow`; `serverNow − Date.now()`
 * at arrival underestimates the offset by the message's transit time, so the largest of the
 * last few samples is the closest one.
 */
export class RelayClock {
  private samples: number[] = [];
  private offset = 0;

  sample(serverNow: number): void {
    const s = serverNow - Date.now();
    if (!Number.isFinite(s)) return;
    this.samples = [...this.samples.slice(-(WINDOW - 1)), s];
    this.offset = Math.max(...this.samples);
  }

  /** Relay time now, in ms since the epoch. */
  now(): number {
    return Date.now() + this.offset;
  }
}

/** What is on screen: the stage minus what has run out on the relay clock (hidden before the relay says so). */
export function visibleStage(stage: Stage, relayNow: number): Stage {
  const coupon = stage.coupon && stage.coupon.endsAt <= relayNow ? null : stage.coupon;
  const quiz = stage.quiz && stage.quiz.endsAt <= relayNow ? null : stage.quiz;
  const poll = stage.poll && stage.poll.endsAt !== null && stage.poll.endsAt <= relayNow ? null : stage.poll;
  if (coupon === stage.coupon && quiz === stage.quiz && poll === stage.poll) return stage;
  return { ...stage, coupon, quiz, poll };
}

/** Re-renders every `ms` (countdowns), returning the relay time. */
export function useRelayNow(clock: RelayClock, ms = 250): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const id = setInterval(() => setNow(clock.now()), ms);
    return () => clearInterval(id);
  }, [clock, ms]);
  return now;
}

/** "2:05", "0:09"; hours when needed. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
