import type { Stage } from '../../../common/stage.js';
import { CouponDrop } from './CouponDrop.js';
import { ProductCards } from './ProductCards.js';
import { Poll, Quiz } from './QuizPoll.js';

/** True when the stage has something to show (decides whether the desktop side column opens). */
export function hasContent(stage: Stage): boolean {
  return stage.pinned.length > 0 || stage.coupon !== null || stage.quiz !== null || stage.poll !== null;
}

/**
 * What the host has put on screen: on a phone stacked over the bottom of the video (interactions
 * above, the product strip last, next to the thumb); on a desktop a column beside it.
 * `stage` is already cut to what has not run out on the relay clock.
 */
export function StageDock({ stage, relayNow }: { stage: Stage; relayNow: number }) {
  if (!hasContent(stage)) return null;
  return (
    <aside className="dock" data-stage-version={stage.version}>
      {stage.quiz && <Quiz key={stage.quiz.quizId} quiz={stage.quiz} relayNow={relayNow} />}
      {stage.poll && <Poll key={stage.poll.pollId} poll={stage.poll} relayNow={relayNow} />}
      {stage.coupon && <CouponDrop key={stage.coupon.couponId} coupon={stage.coupon} relayNow={relayNow} />}
      <ProductCards cards={stage.pinned} />
    </aside>
  );
}
