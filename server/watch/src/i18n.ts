/** Every string the watch page shows, in Korean and English. One language is chosen per page load. */

export type Lang = 'ko' | 'en';

const ko = {
  connecting: '연결 중…',
  startsSoon: '곧 시작합니다',
  startingNow: '잠시 후 시작합니다',
  startsAt: '방송 시작',
  days: '일',
  hours: '시간',
  minutes: '분',
  seconds: '초',
  live: 'LIVE',
  watching: (n: string) => `${n}명 시청 중`,
  waiting: (n: string) => `${n}명 대기 중`,
  reconnecting: '잠시 후 다시 연결됩니다',
  connectionLost: '연결이 끊겼습니다. 다시 연결하는 중…',
  unmute: '탭하여 소리 켜기',
  ended: '방송이 종료되었습니다',
  thanks: '시청해 주셔서 감사합니다.',
  linkProblem: '링크를 열 수 없습니다',
  rehearsal: '리허설 · REHEARSAL',
  products: '방송 중인 상품',
  soldOut: '품절',
  stockLeft: (n: string) => `${n}개 남음`,
  liveCoupon: '라이브 쿠폰',
  percentOff: (n: number) => `${n}% 할인`,
  amountOff: (m: string) => `${m} 할인`,
  minOrder: (m: string) => `${m} 이상 구매 시`,
  anyOrder: '금액 제한 없음',
  quotaLeft: (left: string, total: string) => `남은 수량 ${left}/${total}`,
  allClaimed: '선착순 마감',
  couponCode: '쿠폰 코드',
  timeLeft: '남은 시간',
  quiz: '퀴즈',
  winners: (n: string) => `당첨 ${n}명`,
  poll: '투표',
  votes: (n: string) => `${n}명 참여`,
  link: {
    malformed: '이 링크는 올바르지 않습니다. 판매자에게 받은 링크를 그대로 열어 주세요.',
    forged: '이 링크는 올바르지 않습니다. 판매자에게 받은 링크를 그대로 열어 주세요.',
    unknown: '이 링크를 찾을 수 없습니다.',
    expired: '이 링크는 만료되었습니다. 판매자에게 새 링크를 요청해 주세요.',
    revoked: '판매자가 이 링크를 더 이상 사용하지 않습니다.',
    generic: '이 링크는 사용할 수 없습니다. 판매자에게 새 링크를 요청해 주세요.',
  } as Record<string, string>,
};

const en: typeof ko = {
  connecting: 'Connecting…',
  startsSoon: 'Starts soon',
  startingNow: 'Starting any moment',
  startsAt: 'Starts',
  days: 'days',
  hours: 'hrs',
  minutes: 'min',
  seconds: 'sec',
  live: 'LIVE',
  watching: (n) => `${n} watching`,
  waiting: (n) => `${n} waiting`,
  reconnecting: 'Reconnecting shortly',
  connectionLost: 'Connection lost. Reconnecting…',
  unmute: 'Tap to unmute',
  ended: 'This show has ended',
  thanks: 'Thanks for watching.',
  linkProblem: 'This link cannot be opened',
  rehearsal: '리허설 · REHEARSAL',
  products: 'Products in this show',
  soldOut: 'Sold out',
  stockLeft: (n) => `${n} left`,
  liveCoupon: 'Live coupon',
  percentOff: (n) => `${n}% off`,
  amountOff: (m) => `${m} off`,
  minOrder: (m) => `On orders of ${m}+`,
  anyOrder: 'No minimum order',
  quotaLeft: (left, total) => `${left}/${total} left`,
  allClaimed: 'All claimed',
  couponCode: 'Coupon code',
  timeLeft: 'Time left',
  quiz: 'Quiz',
  winners: (n) => `${n} winners`,
  poll: 'Poll',
  votes: (n) => `${n} votes`,
  link: {
    malformed: 'This link is not valid. Open the link exactly as the seller shared it.',
    forged: 'This link is not valid. Open the link exactly as the seller shared it.',
    unknown: 'This link does not exist.',
    expired: 'This link has expired. Ask the seller for a new one.',
    revoked: 'The seller has withdrawn this link.',
    generic: 'This link cannot be used. Ask the seller for a new one.',
  },
};

export type Strings = typeof ko;

export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const lang: Lang = pickLang(typeof navigator === 'undefined' ? undefined : navigator.language);
/** The viewer's own locale for dates and numbers (e.g. en-GB keeps its date order). */
export const locale: string = (typeof navigator !== 'undefined' && navigator.language) || lang;
export const t: Strings = lang === 'ko' ? ko : en;

/** A link problem in the viewer's language; the relay's own (English) message is the fallback. */
export function linkMessage(code: string | null, relayMessage: string | null): string {
  const reason = code?.startsWith('link_') ? code.slice('link_'.length) : null;
  const known = reason ? t.link[reason] : undefined;
  if (known) return known;
  if (lang === 'en' && relayMessage) return relayMessage;
  return t.link.generic!;
}
