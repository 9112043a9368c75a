import { lang, type Lang } from './i18n.js';

/** 라이브 특가 and 재입고 알림 on the watch page (docs/live-selling.md). */
const ko = {
  special: '라이브 특가',
  endsIn: (mmss: string) => `${mmss} 후 종료`,
  notifyMe: '재입고 알림 받기',
  notifyOption: (name: string) => `${name} 재입고 알림 받기`,
  willNotify: '재입고되면 알려드릴게요',
  // The line's card may not be pinned any more (told after a reload): then no name.
  restocked: (name: string) => (name ? `재입고되었어요: ${name}` : '재입고되었어요'),
  specialEnded: (regular: string) => `라이브 특가가 끝났어요. 이제 정상가(${regular})로 주문돼요.`,
  specialUnit: '라이브 특가 적용',
};
const en: typeof ko = {
  special: 'Live special',
  endsIn: (mmss: string) => `ends in ${mmss}`,
  notifyMe: 'Notify me when restocked',
  notifyOption: (name: string) => `Notify me: ${name}`,
  willNotify: 'We will tell you when it is back',
  restocked: (name: string) => (name ? `Back in stock: ${name}` : 'Back in stock'),
  specialEnded: (regular: string) => `The live special has ended: this order is now at the regular price (${regular}).`,
  specialUnit: 'Live special price',
};
const STRINGS: Record<Lang, typeof ko> = { ko, en };
export const ls = STRINGS[lang];

export { mmss } from '../../../common/countdown.js';
