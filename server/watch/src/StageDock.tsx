import type { ProductCard, Stage } from '../../../common/stage.js';
import { useCommerce } from './commerce-context.js';
import { CouponDrop } from './CouponDrop.js';
import { NicknameField } from './NicknameField.js';
import { ProductCards } from './ProductCards.js';
import { Poll, Quiz } from './QuizPoll.js';
import { QuizResult } from './QuizResult.js';

/** True when the stage has something to show (decides whether the desktop side column opens). */
export function hasContent(stage: Stage): boolean {
  return stage.pinned.length > 0 || stage.coupon !== null || stage.quiz !== null || stage.poll !== null;
}

/**
 * What the host has put on screen: on a phone stacked over the bottom of the video (interactions
 * above, the product strip last, next to the thumb); on a desktop a column beside it.
 * `stage` is already cut to what has not run out on the relay clock, with live stock, quota and
 * tallies laid over it. A decided quiz's result stays here after the quiz itself has gone.
 */
export function StageDock({ stage, relayNow, onBuy, dockRef }: { stage: Stage; relayNow: number; onBuy: (card: ProductCard) => void; dockRef?: (el: HTMLElement | null) => void }) {
  const [view, commerce] = useCommerce();
  const result = view.quizResult !== null && view.quizResult.quiz.quizId !== stage.quiz?.quizId;
  if (!hasContent(stage) && !result && !view.askNickname) return null;
  return (
    <aside className="dock" data-stage-version={stage.version} ref={dockRef}>
      {view.askNickname && <NicknameField commerce={commerce} />}
      {result && <QuizResult />}
      {stage.quiz && <Quiz key={stage.quiz.quizId} quiz={stage.quiz} relayNow={relayNow} />}
      {stage.poll && <Poll key={stage.poll.pollId} poll={stage.poll} relayNow={relayNow} />}
      {stage.coupon && <CouponDrop key={stage.coupon.couponId} coupon={stage.coupon} relayNow={relayNow} />}
      <ProductCards cards={stage.pinned} onBuy={onBuy} />
    </aside>
  );
}
