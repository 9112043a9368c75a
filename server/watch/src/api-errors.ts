import type { Lang } from './i18n.js';
import type { ApiFailure } from './commerce-api.js';

/**
 * The relay's error codes (docs/commerce-api.md) in plain words, Korean and English. Numbers the
 * relay put in its message ("only 3 left", a new total) are carried over; anything unknown falls
 * back to the relay's own message in English, and to a general sentence in Korean.
 */
type Words = { ko: string; en: string };
type Maker = (n: number | null) => Words;

const fixed = (ko: string, en: string): Maker => () => ({ ko, en });

const MESSAGES: Record<string, Maker> = {
  network: fixed('인터넷 연결을 확인한 뒤 다시 시도해 주세요.', 'No connection. Check your internet and try again.'),
  timeout: fixed('응답이 늦어지고 있어요. 다시 시도해 주세요.', 'The seller’s server is slow to answer. Please try again.'),
  server_error: fixed('잠시 문제가 생겼어요. 다시 시도해 주세요.', 'Something went wrong on the server. Please try again.'),
  bad_response: fixed('응답을 읽지 못했어요. 다시 시도해 주세요.', 'The answer could not be read. Please try again.'),
  rate_limited: fixed('요청이 너무 많아요. 잠시 후 다시 시도해 주세요.', 'Too many tries. Wait a moment and try again.'),
  too_large: fixed('입력한 내용이 너무 길어요.', 'What you entered is too long.'),
  not_found: fixed('찾을 수 없어요. 방송이 끝났거나 링크가 바뀌었을 수 있어요.', 'Not found. The show may have ended or the link changed.'),
  link_gone: fixed('판매자가 이 링크를 더 이상 사용하지 않거나 링크가 만료되었어요. 판매자에게 새 링크를 받아 주세요.', 'The seller withdrew this link or it expired. Ask the seller for a new one.'),
  no_replay: fixed('다시보기가 아직 없어요. 방송이 끝나고 영상이 준비되면 볼 수 있어요.', 'There is no replay yet. It plays once the show has ended and its video is ready.'),
  range_not_satisfiable: fixed('영상의 해당 부분을 불러오지 못했어요. 다시 재생해 주세요.', 'That part of the video could not be loaded. Please play it again.'),
  unknown_viewer: fixed('이 기기를 확인하지 못했어요. 페이지를 새로고침해 주세요.', 'This device could not be recognised. Please reload the page.'),
  show_not_live: fixed('방송 중에만 할 수 있어요.', 'This is only possible while the show is live.'),
  sold_out: fixed('품절되었어요.', 'Sold out.'),
  out_of_stock: (n) =>
    n === null || n === 0
      ? { ko: '남은 재고가 없어요.', en: 'None left.' }
      : { ko: `재고가 ${n}개만 남았어요. 수량을 줄여 주세요.`, en: `Only ${n} left. Choose fewer.` },
  unknown_product: fixed('이 상품은 지금 판매하지 않아요.', 'This product is not on sale in this show.'),
  unknown_option: fixed('선택한 옵션이 없어요. 다시 골라 주세요.', 'That option does not exist. Choose again.'),
  consent_required: fixed('개인정보 수집·이용에 동의해야 주문할 수 있어요.', 'Agree to the collection and use of your personal data to order.'),
  option_required: fixed('옵션(사이즈, 색상 등)을 먼저 골라 주세요.', 'Choose an option (size, colour…) first.'),
  coupon_unknown: fixed('이 방송에 없는 쿠폰 코드예요.', 'That coupon code does not exist in this show.'),
  coupon_not_started: fixed('아직 사용할 수 없는 쿠폰이에요.', 'This coupon is not valid yet.'),
  coupon_expired: fixed('기간이 끝난 쿠폰이에요.', 'This coupon has expired.'),
  coupon_used_up: fixed('쿠폰이 모두 소진되었어요.', 'All of these coupons have been claimed.'),
  coupon_cap: fixed('이 쿠폰은 이미 사용할 수 있는 만큼 사용했어요.', 'You have already used this coupon as often as allowed.'),
  coupon_min_order: fixed('최소 주문 금액이 모자라요.', 'Your order is below this coupon’s minimum.'),
  coupon_not_claimed: fixed('먼저 쿠폰을 받아 주세요.', 'Claim this coupon first.'),
  coupon_currency: fixed('이 상품에는 쓸 수 없는 쿠폰이에요.', 'This coupon cannot be used for this product.'),
  coupon_not_applicable: fixed('주문하시는 상품 중 이 쿠폰을 쓸 수 있는 상품이 없어요.', 'This coupon covers none of the products you are ordering.'),
  total_mismatch: fixed('가격이 바뀌었어요. 새 금액을 확인해 주세요.', 'The price changed. Please check the new total.'),
  idempotency_conflict: fixed('주문 내용이 바뀌었어요. 다시 주문해 주세요.', 'Your order changed while it was being sent. Please order again.'),
  quiz_closed: fixed('퀴즈가 마감되었어요.', 'This quiz has closed.'),
  quiz_answered: fixed('이미 답을 보냈어요.', 'You have already answered.'),
  quiz_not_open: fixed('퀴즈가 아직 열리지 않았어요.', 'This quiz is not open yet.'),
  poll_closed: fixed('투표가 마감되었어요.', 'This poll has closed.'),
  poll_voted: fixed('이미 투표했어요.', 'You have already voted.'),
  payment_declined: fixed('카드 결제가 거절되었어요. 다른 카드로 다시 시도해 주세요.', 'The card was declined. Try again with another card.'),
  in_stock: fixed('지금 구매할 수 있어요. 재입고 알림은 품절일 때만 신청할 수 있어요.', 'This is in stock now; back-in-stock alerts are for sold-out items.'),
  restock_limit: fixed('재입고 알림은 이 방송에서 20개까지 신청할 수 있어요.', 'You can ask for up to 20 back-in-stock alerts in this show.'),
  not_decided: fixed('아직 결과가 나오지 않았어요.', 'The result is not in yet.'),
  buyer_cap: fixed('1인당 구매 한도를 넘었어요. 이미 주문한 수량을 확인해 주세요.', 'You have reached the per-buyer limit for this product. Check the orders you already placed.'),
  network_cap: fixed('같은 네트워크에서 이미 많이 참여했어요. 카드로 결제하거나 잠시 후 다시 시도해 주세요.', 'Many people on this network have already taken part. Pay by card, or try again later.'),
  device_budget: fixed('접속이 몰리고 있어요. 몇 초 뒤 다시 시도해 주세요.', 'Many devices are joining from this network. Try again in a few seconds.'),
  bad_request: fixed('요청을 처리하지 못했어요. 페이지를 새로고침한 뒤 다시 시도해 주세요.', 'The request could not be processed. Reload the page and try again.'),
  method_not_allowed: fixed('요청을 처리하지 못했어요. 페이지를 새로고침한 뒤 다시 시도해 주세요.', 'The request could not be processed. Reload the page and try again.'),
  internal: fixed('잠시 문제가 생겼어요. 다시 시도해 주세요.', 'Something went wrong on the server. Please try again.'),
};

/** Every code a viewer route may answer has words (a test checks it against the declared routes). */
export const WORDED_CODES: readonly string[] = Object.keys(MESSAGES);

/** The first whole number in the relay's message ("only 3 left" → 3), for messages that carry one. */
export function numberIn(message: string | null): number | null {
  const m = message ? /(\d[\d,]*)/.exec(message) : null;
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

const GENERIC: Words = { ko: '요청을 처리하지 못했어요. 다시 시도해 주세요.', en: 'That did not work. Please try again.' };

/** One sentence for the viewer. `amount` formats a money figure for codes whose number is money. */
export function errorMessage(e: ApiFailure, lang: Lang, amount: (n: number) => string = String): string {
  const make = MESSAGES[e.code];
  if (!make) {
    if (lang === 'en' && e.message) return sentence(e.message);
    return GENERIC[lang];
  }
  const n = numberIn(e.message);
  if (e.code === 'coupon_min_order' && n !== null) {
    // The relay's figure is in minor units of the show's currency.
    const m = amount(n);
    return lang === 'ko' ? `이 쿠폰은 ${m} 이상 주문 시 쓸 수 있어요.` : `This coupon needs an order of at least ${m}.`;
  }
  return make(n)[lang];
}

/** Relay messages are lower-case fragments ("sold out"); make them a sentence. */
function sentence(s: string): string {
  const t = s.trim();
  if (!t) return GENERIC.en;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Which checkout field an error belongs next to. */
export type ErrorPlace = 'option' | 'quantity' | 'coupon' | 'payment' | 'form';

export function errorPlace(code: string): ErrorPlace {
  if (code === 'option_required' || code === 'unknown_option') return 'option';
  if (code === 'out_of_stock' || code === 'sold_out') return 'quantity';
  if (code.startsWith('coupon_')) return 'coupon';
  if (code === 'payment_declined') return 'payment';
  return 'form';
}
