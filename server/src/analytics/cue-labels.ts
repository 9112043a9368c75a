import type { StageOp } from '../../../common/stage.js';

const MAX_LABEL = 120;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/**
 * A readable marker for a fired cue on the report's time axis. `nameOf` names an unpinned product
 * (the unpin op carries only its id). Labels are plain text; the studio shows them as text and the
 * CSV writer neutralises formulas.
 */
export function cueLabel(op: StageOp, nameOf: (productId: string) => string): string {
  switch (op.op) {
    case 'pin':
      return clip(`Pinned: ${op.cards.map((c) => c.name).join(', ')}`);
    case 'unpin':
      return clip(`Unpinned: ${nameOf(op.productId)}`);
    case 'clearCards':
      return 'Cleared cards';
    case 'dropCoupon':
      return `Coupon: ${op.coupon.code}`;
    case 'closeCoupon':
      return 'Coupon closed';
    case 'openQuiz':
      return clip(`Quiz: ${op.quiz.question}`);
    case 'closeQuiz':
      return 'Quiz closed';
    case 'openPoll':
      return clip(`Poll: ${op.poll.question}`);
    case 'closePoll':
      return 'Poll closed';
  }
}
