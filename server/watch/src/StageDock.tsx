import { useRef, useState, type ReactNode } from 'react';
import type { ProductCard, Stage } from '../../../common/stage.js';
import { useCommerce } from './commerce-context.js';
import { CouponDrop } from './CouponDrop.js';
import { useDisplay } from './display-context.js';
import { t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { tl } from './i18n-layout.js';
import { NicknameField } from './NicknameField.js';
import { arrange } from './overlay-budget.js';
import { ProductCards, RestockNotice } from './ProductCards.js';
import { Poll, Quiz } from './QuizPoll.js';
import { QuizResult } from './QuizResult.js';

/** True when the stage has something to show (decides whether the desktop side column opens). */
export function hasContent(stage: Stage): boolean {
  return stage.pinned.length > 0 || stage.coupon !== null || stage.quiz !== null || stage.poll !== null;
}

interface Interaction {
  key: string;
  kind: 'nickname' | 'result' | 'quiz' | 'poll' | 'coupon';
  label: string;
  node: ReactNode;
}

/**
 * What the host has put on screen. On a phone held upright it sits over the bottom of the video
 * and never takes more than OVERLAY_SHARE of it (the dock's max-height, live.css): interactions
 * are chips, newest first, and at most one is open (the host's newest, until the viewer taps another
 * or closes it; the optional nickname prompt waits as a chip); the open one scrolls inside the room left; the product strip stays last, next to
 * the thumb, so Buy is always in reach. On a desktop it is a column beside the video with every
 * panel open and no chips (CSS only: the same DOM).
 * `stage` is already cut to what has not run out on the relay clock, with live stock, quota and
 * tallies laid over it. A decided quiz's result stays here after the quiz itself has gone.
 */
export function StageDock({ stage, relayNow, onBuy, dockRef, notices }: { stage: Stage; relayNow: number; onBuy: (card: ProductCard) => void; dockRef?: (el: HTMLElement | null) => void; notices?: ReactNode }) {
  const [view, commerce] = useCommerce();
  const seen = useRef(new Map<string, number>());
  const counter = useRef({ n: 0 });
  // undefined: follow the newest; null: the viewer closed everything; a key: the viewer's choice.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const display = useDisplay();
  // Results off: a decided quiz is not put up, except to a viewer who won (the prize is theirs, not a public result).
  const result = view.quizResult !== null && view.quizResult.quiz.quizId !== stage.quiz?.quizId && (display.results || view.quizResult.outcome?.you === 'won');

  const items: Interaction[] = [];
  if (view.askNickname) items.push({ key: 'nickname', kind: 'nickname', label: tl.nickname, node: <NicknameField commerce={commerce} /> });
  if (result) items.push({ key: `result:${view.quizResult!.quiz.quizId}`, kind: 'result', label: c.quizResult, node: <QuizResult /> });
  if (stage.quiz) items.push({ key: `quiz:${stage.quiz.quizId}`, kind: 'quiz', label: t.quiz, node: <Quiz key={stage.quiz.quizId} quiz={stage.quiz} relayNow={relayNow} /> });
  if (stage.poll) items.push({ key: `poll:${stage.poll.pollId}`, kind: 'poll', label: t.poll, node: <Poll key={stage.poll.pollId} poll={stage.poll} relayNow={relayNow} /> });
  if (stage.coupon) items.push({ key: `coupon:${stage.coupon.couponId}`, kind: 'coupon', label: t.liveCoupon, node: <CouponDrop key={stage.coupon.couponId} coupon={stage.coupon} relayNow={relayNow} /> });

  const { order, arrived } = arrange(
    seen.current,
    items.map((i) => i.key),
    counter.current,
  );
  // Something new from the host opens by itself (the newest wins); the viewer's pick holds otherwise.
  // The optional nickname never pushes itself open: it would hide what the viewer just claimed or answered.
  // With the coupon banner off, a drop waits as a chip the viewer may open (claiming still works).
  const fromHost = order.filter((k) => k !== 'nickname' && (display.couponBanner || !k.startsWith('coupon:')));
  const newest = fromHost.find((k) => arrived.includes(k));
  if (newest !== undefined && picked !== undefined && picked !== newest) setPicked(undefined);
  const open = picked === undefined ? (fromHost[0] ?? null) : picked !== null && order.includes(picked) ? picked : null;
  const byKey = new Map(items.map((i) => [i.key, i]));
  const sorted = order.map((k) => byKey.get(k)!);

  if (!items.length && !stage.pinned.length && !notices) return null;
  return (
    <aside className="dock" data-stage-version={stage.version} ref={dockRef} data-testid="stage-dock">
      {notices}
      {sorted.length > 0 && (
        <div className="dock-chips" role="group" aria-label={tl.interactions}>
          {sorted.map((i) => (
            <button
              key={i.key}
              type="button"
              className={`dock-chip chip-${i.kind}`}
              aria-expanded={open === i.key}
              aria-label={open === i.key ? tl.collapse(i.label) : tl.expand(i.label)}
              data-testid={`chip-${i.kind}`}
              onClick={() => setPicked(open === i.key ? null : i.key)}
            >
              {i.label}
            </button>
          ))}
        </div>
      )}
      {sorted.map((i) => (
        <div key={i.key} className={`dock-panel${open === i.key ? ' is-open' : ''}`} data-kind={i.kind}>
          {i.node}
        </div>
      ))}
      <RestockNotice cards={stage.pinned} />
      <ProductCards cards={stage.pinned} onBuy={onBuy} />
    </aside>
  );
}
