import type { Coupon, Poll, Product, Quiz } from '../../common/commerce/catalog.js';
import { StudioError } from '../../common/ipc-contract.js';
import type { CueAction } from '../../common/rundown.js';
import { StageOp, type ProductCard } from '../../common/stage.js';

/** The catalog as the resolver needs it: current items, and what deleted ones were called. */
export interface CueCatalog {
  products: { get(id: string): Product | null; deletedName(id: string): string | null };
  coupons: { get(id: string): Coupon | null; deletedCode(id: string): string | null };
  quizzes: { get(id: string): Quiz | null; deletedQuestion(id: string): string | null };
  polls: { get(id: string): Poll | null; deletedQuestion(id: string): string | null };
}

/** Turns an image ref into the URL viewers load it from (uploading it to the relay first if needed). */
export type ImageUrlFor = (ref: string) => Promise<string>;

type Kind = 'product' | 'coupon' | 'quiz' | 'poll';
/** The cue names deleted items: each with the name it had, when the catalog remembers it. */
function missing(kind: Kind, targets: { name: string | null; id: string }[]): StudioError {
  return StudioError.refuse({ reason: 'cueTargetGone', args: { kind, targets: targets.slice(0, 20) } });
}

/** Looks up what a cue names; throws `not_found` naming what is missing, before anything is uploaded or sent. */
function lookUp(action: CueAction, catalog: CueCatalog) {
  switch (action.kind) {
    case 'showProducts': {
      const found = action.productIds.map((id) => ({ id, product: catalog.products.get(id) }));
      const gone = found.filter((f) => !f.product).map((f) => ({ name: catalog.products.deletedName(f.id), id: f.id }));
      if (gone.length) throw missing('product', gone);
      return { kind: action.kind, products: found.map((f) => f.product!) };
    }
    case 'dropCoupon': {
      const coupon = catalog.coupons.get(action.couponId);
      if (!coupon) throw missing('coupon', [{ name: catalog.coupons.deletedCode(action.couponId), id: action.couponId }]);
      return { kind: action.kind, coupon, durationSec: action.durationSec };
    }
    case 'openQuiz': {
      const quiz = catalog.quizzes.get(action.quizId);
      if (!quiz) throw missing('quiz', [{ name: catalog.quizzes.deletedQuestion(action.quizId), id: action.quizId }]);
      return { kind: action.kind, quiz };
    }
    case 'openPoll': {
      const poll = catalog.polls.get(action.pollId);
      if (!poll) throw missing('poll', [{ name: catalog.polls.deletedQuestion(action.pollId), id: action.pollId }]);
      return { kind: action.kind, poll };
    }
    case 'close':
      return action;
  }
}

const CLOSE: Record<'cards' | 'coupon' | 'quiz' | 'poll', StageOp> = {
  cards: { op: 'clearCards' },
  coupon: { op: 'closeCoupon' },
  quiz: { op: 'closeQuiz' },
  poll: { op: 'closePoll' },
};

/**
 * Resolves a run-down cue action into the stage op the relay fans out to viewers, with the data
 * they need from the catalog. Never includes what viewers must not see (a quiz's correct answer,
 * a coupon's per-viewer cap or valid window are the relay's business at claim time, not the stage's).
 */
export async function resolveCue(action: CueAction, catalog: CueCatalog, imageUrlFor: ImageUrlFor): Promise<StageOp> {
  const found = lookUp(action, catalog);
  let op: StageOp;
  switch (found.kind) {
    case 'showProducts': {
      const cards: ProductCard[] = [];
      for (const p of found.products) {
        const imageUrls: string[] = [];
        for (const ref of p.images) imageUrls.push(await imageUrlFor(ref));
        cards.push({ productId: p.id, name: p.name, price: p.price, salePrice: p.salePrice, currency: p.currency, stock: p.stock, externalUrl: p.externalUrl, imageUrls, options: p.options.map((o) => ({ id: o.id, name: o.name, stock: o.stock })) });
      }
      op = { op: 'pin', cards };
      break;
    }
    case 'dropCoupon': {
      const c = found.coupon;
      op = {
        op: 'dropCoupon',
        coupon: { couponId: c.id, code: c.code, kind: c.kind, amount: c.amount, currency: c.currency, minOrder: c.minOrder, quotaTotal: c.totalQuota },
        durationSec: found.durationSec,
      };
      break;
    }
    case 'openQuiz': {
      const q = found.quiz;
      op = { op: 'openQuiz', quiz: { quizId: q.id, question: q.question, choices: q.choices, winners: q.winners }, durationSec: q.timeLimitSec };
      break;
    }
    case 'openPoll': {
      const p = found.poll;
      op = { op: 'openPoll', poll: { pollId: p.id, question: p.question, choices: p.choices }, durationSec: p.durationSec };
      break;
    }
    case 'close':
      op = CLOSE[found.target];
      break;
  }
  // What leaves the studio is checked against the same schema the relay parses with.
  const checked = StageOp.safeParse(op);
  if (!checked.success) throw StudioError.refuse({ reason: 'cueNotSendable', args: { detail: (checked.error.issues[0]?.message ?? 'invalid').slice(0, 1000) } });
  return checked.data;
}
