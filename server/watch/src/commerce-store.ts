import type { ViewerOrder } from '../../../common/commerce/order.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { HeldCoupon, QuizOutcome } from '../../../common/protocol/watch-api.js';
import type { QuizOpen, Stage } from '../../../common/stage.js';
import { isUncertain, type ApiFailure, type PaymentOptions, type WatchApi } from './commerce-api.js';
import { loadNickname, loadTaken, markNicknameAsked, nicknameAsked, saveNickname, saveTaken, type KeyValueStore, type Taken } from './local-store.js';
import { NO_FACTS, withQuota, withStock, withTally, type LiveFacts } from '../../../common/stage-overlay.js';
import { loadRestockAsked, restockKey, saveRestockAsked } from './restock-memory.js';
import { ToastQueue } from './toast-queue.js';

export type Purchase = Extract<RelayToViewer, { type: 'purchases' }>['items'][number];
export type Pending = { status: 'sending' } | { status: 'done' } | { status: 'error'; error: ApiFailure };

export interface QuizResultView {
  quiz: Pick<QuizOpen, 'quizId' | 'question' | 'choices'>;
  correctIndex: number;
  /** This device's answer, if it sent one. */
  choice: number | null;
  /** null while asking (or when there is nothing to ask: no answer from this device). */
  outcome: QuizOutcome | null;
  error: ApiFailure | null;
}

export interface CommerceView {
  readonly facts: LiveFacts;
  readonly toasts: readonly { id: number; item: Purchase }[];
  readonly held: readonly HeldCoupon[];
  readonly claims: Readonly<Record<string, Pending>>;
  readonly taken: Taken;
  readonly answers: Readonly<Record<string, Pending>>;
  readonly votes: Readonly<Record<string, Pending>>;
  readonly quizResult: QuizResultView | null;
  readonly orders: readonly ViewerOrder[] | null;
  readonly ordersError: ApiFailure | null;
  readonly lastOrder: ViewerOrder | null;
  readonly payment: PaymentOptions | null;
  readonly paymentError: ApiFailure | null;
  readonly nickname: string | null;
  /** Offer the optional nickname field now (after the first claim or answer, once per device). */
  readonly askNickname: boolean;
  /** 라이브 특가 changes heard since the stage (null: ended early); the card's own liveSpecial otherwise. */
  readonly specials: Readonly<Record<string, { price: number; endsAt: number } | null>>;
  /** Lines this device asked to hear about ("productId/optionId"), and the last restock notice for one. */
  readonly restockAsked: readonly string[];
  readonly restockNotice: { productId: string; optionId: string | null } | null;
}

export { restockKey };

export interface CommerceDeps {
  api: WatchApi;
  token: string;
  storage: KeyValueStore | null;
  /** Relay-clock now (ms). */
  relayNow(): number;
  random?: () => number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(h: unknown): void;
  monoNow?: () => number;
}

/** Spread 10,000 phones' "did I win?" over 1.5 s after the result broadcast. */
export const OUTCOME_SPREAD_MS = 1_500;
const OUTCOME_RETRIES = 4;

/**
 * The viewer's side of buying and taking part: what the relay broadcast (stock, quota, tallies,
 * purchases, quiz results), what this viewer holds (coupons, orders), and the calls that change it.
 * One immutable view for React (useSyncExternalStore), like WatchSession.
 */
export class CommerceStore {
  private view: CommerceView;
  private readonly listeners = new Set<() => void>();
  private readonly toastQueue = new ToastQueue<Purchase>();
  private toastTimer: unknown = null;
  /** When each quiz was first on this screen (relay clock), for a fair deadline. */
  private readonly quizShownAt = new Map<string, number>();
  private readonly quizSeen = new Map<string, QuizResultView['quiz']>();
  private readonly sentEvents = new Set<string>();
  private heldLoaded = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (h: unknown) => void;
  private readonly monoNow: () => number;

  constructor(private readonly deps: CommerceDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.monoNow = deps.monoNow ?? (() => performance.now());
    this.view = {
      facts: NO_FACTS,
      toasts: [],
      held: [],
      claims: {},
      taken: loadTaken(deps.storage, deps.token),
      answers: {},
      votes: {},
      quizResult: null,
      orders: null,
      ordersError: null,
      lastOrder: null,
      payment: null,
      paymentError: null,
      nickname: loadNickname(deps.storage),
      askNickname: false,
      specials: {},
      // Remembered on this device: a reload still shows "requested" and lets the notice through.
      restockAsked: loadRestockAsked(deps.storage, deps.token),
      restockNotice: null,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CommerceView => this.view;

  get api(): WatchApi {
    return this.deps.api;
  }

  private patch(p: Partial<CommerceView>): void {
    this.view = { ...this.view, ...p };
    for (const l of this.listeners) l();
  }

  // ---- From the relay's socket ----

  /** Every relay message goes through here; the commerce ones change the view. */
  readonly onMessage = (m: RelayToViewer): void => {
    switch (m.type) {
      case 'stock':
        return this.patch({ facts: withStock(this.view.facts, m.items) });
      case 'couponQuota':
        return this.patch({ facts: withQuota(this.view.facts, m.couponId, m.quotaLeft) });
      case 'pollTally':
        return this.patch({ facts: withTally(this.view.facts, m.pollId, m.counts) });
      case 'purchases':
        this.toastQueue.push(m.items, this.monoNow());
        return this.syncToasts();
      case 'quizResult':
        return this.onQuizResult(m.quizId, m.correctIndex);
      case 'special':
        return this.patch({ specials: { ...this.view.specials, [m.productId]: m.price === null || m.endsAt === null ? null : { price: m.price, endsAt: m.endsAt } } });
      case 'restocked': {
        // Sent only to the device that asked; the page checks its own list too (a forged or stray message shows nothing).
        const key = restockKey(m.productId, m.optionId);
        if (!this.view.restockAsked.includes(key)) return;
        return this.setRestockAsked(this.view.restockAsked.filter((k) => k !== key), { productId: m.productId, optionId: m.optionId });
      }
      case 'welcome':
        // (Re)connected with this device's id: catch up on requests answered while the page was away.
        if (this.view.restockAsked.length) void this.syncRestock();
        return;
      default:
        return;
    }
  };

  /** The displayed stage changed (called on the frame that showed it): note when each quiz appeared. */
  readonly onStageShown = (stage: Stage): void => {
    const q = stage.quiz;
    if (!q || this.quizShownAt.has(q.quizId)) return;
    this.quizShownAt.set(q.quizId, this.deps.relayNow());
    this.quizSeen.set(q.quizId, { quizId: q.quizId, question: q.question, choices: q.choices });
  };

  private syncToasts(): void {
    if (this.toastTimer !== null) this.clearTimer(this.toastTimer);
    this.toastTimer = null;
    const now = this.monoNow();
    this.toastQueue.tick(now);
    this.patch({ toasts: this.toastQueue.visible.map((t) => ({ id: t.id, item: t.item })) });
    const next = this.toastQueue.nextChangeAt();
    if (next !== null) this.toastTimer = this.setTimer(() => this.syncToasts(), Math.max(0, next - now));
  }

  relayNow(): number {
    return this.deps.relayNow();
  }

  // ---- 재입고 알림 ----

  async askRestock(productId: string, optionId: string | null): Promise<void> {
    const r = await this.deps.api.requestRestock(productId, optionId);
    if (r.ok) this.setRestockAsked(r.data.filter((w) => w.notifiedAt === null).map((w) => restockKey(w.productId, w.optionId)));
  }

  /**
   * The relay's list of this device's requests replaces the remembered one (it is the authority: a
   * line it does not hold was never asked by this device id). A remembered line the relay answered
   * meanwhile gets its "재입고되었어요" now, once (it leaves the list).
   */
  async syncRestock(): Promise<void> {
    const r = await this.deps.api.restockRequests();
    if (!r.ok) return; // keep what the device remembers; the next welcome asks again
    const asked = this.view.restockAsked;
    const answered = r.data.filter((w) => w.notifiedAt !== null && asked.includes(restockKey(w.productId, w.optionId))).sort((a, b) => b.notifiedAt! - a.notifiedAt!)[0];
    const open = r.data.filter((w) => w.notifiedAt === null).map((w) => restockKey(w.productId, w.optionId));
    this.setRestockAsked(open, answered ? { productId: answered.productId, optionId: answered.optionId } : this.view.restockNotice);
  }

  private setRestockAsked(keys: string[], notice: CommerceView['restockNotice'] = this.view.restockNotice): void {
    saveRestockAsked(this.deps.storage, this.deps.token, keys);
    this.patch({ restockAsked: keys, restockNotice: notice });
  }

  dismissRestockNotice(): void {
    this.patch({ restockNotice: null });
  }

  // ---- Coupons ----

  async loadHeld(force = false): Promise<void> {
    if (this.heldLoaded && !force) return;
    this.heldLoaded = true;
    const r = await this.deps.api.coupons();
    if (r.ok) this.patch({ held: r.data });
    else this.heldLoaded = false;
  }

  private hold(coupon: HeldCoupon): void {
    this.patch({ held: [...this.view.held.filter((h) => h.couponId !== coupon.couponId), coupon] });
  }

  async claim(couponId: string): Promise<void> {
    if (this.view.claims[couponId]?.status === 'sending') return;
    this.patch({ claims: { ...this.view.claims, [couponId]: { status: 'sending' } } });
    const r = await this.deps.api.claimCoupon(couponId);
    if (r.ok) {
      this.hold(r.data.coupon);
      const taken = saveTaken(this.deps.storage, this.deps.token, 'coupon', couponId, 0);
      this.patch({ taken, facts: withQuota(this.view.facts, couponId, r.data.quotaLeft), claims: { ...this.view.claims, [couponId]: { status: 'done' } } });
      return this.firstTakePart();
    }
    const facts = r.error.code === 'coupon_used_up' ? withQuota(this.view.facts, couponId, 0) : this.view.facts;
    this.patch({ facts, claims: { ...this.view.claims, [couponId]: { status: 'error', error: r.error } } });
  }

  // ---- Quiz ----

  async answer(quiz: QuizOpen, choiceIndex: number): Promise<void> {
    const state = this.view.answers[quiz.quizId]?.status;
    if (state === 'sending' || state === 'done' || this.view.taken.quiz[quiz.quizId] !== undefined) return;
    this.patch({ answers: { ...this.view.answers, [quiz.quizId]: { status: 'sending' } } });
    // Shown before we knew (a welcome mid-quiz): the relay clamps shownAt into [opened, opened + 3 s].
    const shownAt = this.quizShownAt.get(quiz.quizId) ?? this.deps.relayNow();
    this.quizSeen.set(quiz.quizId, { quizId: quiz.quizId, question: quiz.question, choices: quiz.choices });
    const r = await this.deps.api.answerQuiz(quiz.quizId, choiceIndex, shownAt);
    if (r.ok || r.error.code === 'quiz_answered') {
      // quiz_answered: this device answered before (another tab, a reload); the relay kept that answer.
      const taken = r.ok ? saveTaken(this.deps.storage, this.deps.token, 'quiz', quiz.quizId, choiceIndex) : this.view.taken;
      this.patch({ taken, answers: { ...this.view.answers, [quiz.quizId]: { status: 'done' } } });
      return this.firstTakePart();
    }
    this.patch({ answers: { ...this.view.answers, [quiz.quizId]: { status: 'error', error: r.error } } });
  }

  private onQuizResult(quizId: string, correctIndex: number): void {
    const seen = this.quizSeen.get(quizId) ?? { quizId, question: '', choices: [] };
    const choice = this.view.taken.quiz[quizId] ?? null;
    const answered = choice !== null || this.view.answers[quizId]?.status === 'done';
    this.patch({ quizResult: { quiz: seen, correctIndex, choice, outcome: null, error: null } });
    if (!answered) return; // nothing to ask: the broadcast already says which choice was right
    const rnd = this.deps.random ?? Math.random;
    this.setTimer(() => void this.askOutcome(quizId, 0), Math.floor(rnd() * OUTCOME_SPREAD_MS));
  }

  private async askOutcome(quizId: string, attempt: number): Promise<void> {
    const r = await this.deps.api.quizOutcome(quizId);
    const current = this.view.quizResult;
    if (!current || current.quiz.quizId !== quizId) return;
    if (r.ok) {
      if (r.data.reward) this.hold(r.data.reward);
      return this.patch({ quizResult: { ...current, outcome: r.data, correctIndex: r.data.correctIndex } });
    }
    const again = (r.error.code === 'not_decided' || isUncertain(r.error) || r.error.code === 'rate_limited') && attempt < OUTCOME_RETRIES;
    if (again) {
      const rnd = this.deps.random ?? Math.random;
      this.setTimer(() => void this.askOutcome(quizId, attempt + 1), 1_000 * (attempt + 1) + Math.floor(rnd() * OUTCOME_SPREAD_MS));
      return;
    }
    this.patch({ quizResult: { ...current, error: r.error } });
  }

  dismissQuizResult(): void {
    this.patch({ quizResult: null });
  }

  // ---- Poll ----

  async vote(pollId: string, choiceIndex: number): Promise<void> {
    const state = this.view.votes[pollId]?.status;
    if (state === 'sending' || state === 'done' || this.view.taken.poll[pollId] !== undefined) return;
    this.patch({ votes: { ...this.view.votes, [pollId]: { status: 'sending' } } });
    const r = await this.deps.api.vote(pollId, choiceIndex);
    if (r.ok || r.error.code === 'poll_voted') {
      const facts = r.ok ? withTally(this.view.facts, pollId, r.data.counts) : this.view.facts;
      const taken = r.ok ? saveTaken(this.deps.storage, this.deps.token, 'poll', pollId, choiceIndex) : this.view.taken;
      this.patch({ facts, taken, votes: { ...this.view.votes, [pollId]: { status: 'done' } } });
      return this.firstTakePart();
    }
    this.patch({ votes: { ...this.view.votes, [pollId]: { status: 'error', error: r.error } } });
  }

  // ---- Orders and payment ----

  async loadPayment(): Promise<void> {
    if (this.view.payment) return;
    this.patch({ paymentError: null });
    const r = await this.deps.api.payment();
    this.patch(r.ok ? { payment: r.data } : { paymentError: r.error });
  }

  async loadOrders(): Promise<void> {
    this.patch({ ordersError: null });
    const r = await this.deps.api.orders();
    if (r.ok) this.patch({ orders: r.data });
    else this.patch({ ordersError: r.error });
  }

  /** A checkout succeeded: it is the newest of my orders, and a coupon it used has one use less. */
  orderPlaced(order: ViewerOrder): void {
    const others = (this.view.orders ?? []).filter((o) => o.id !== order.id);
    this.patch({ lastOrder: order, orders: this.view.orders === null ? null : [order, ...others] });
    if (order.quote.couponCode) void this.loadHeld(true);
  }

  // ---- Funnel and nickname ----

  /** card_open / checkout_start, once per product per page (the funnel counts viewers, not taps). */
  event(kind: 'card_open' | 'checkout_start', productId: string): void {
    const key = `${kind}:${productId}`;
    if (this.sentEvents.has(key)) return;
    this.sentEvents.add(key);
    this.deps.api.event(kind, productId);
  }

  get nicknameOffered(): boolean {
    return this.view.nickname !== null || nicknameAsked(this.deps.storage);
  }

  private firstTakePart(): void {
    if (!this.nicknameOffered && !this.view.askNickname) this.patch({ askNickname: true });
  }

  /** Saves the nickname on the relay (POST …/viewers); null = the viewer skipped it. */
  async setNickname(nickname: string | null): Promise<ApiFailure | null> {
    if (nickname === null) {
      markNicknameAsked(this.deps.storage);
      this.patch({ askNickname: false });
      return null;
    }
    const r = await this.deps.api.register(nickname);
    if (!r.ok) return r.error;
    saveNickname(this.deps.storage, r.data.nickname ?? nickname);
    this.patch({ nickname: r.data.nickname ?? nickname, askNickname: false });
    return null;
  }
}
