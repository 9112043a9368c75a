/** The phone layout's own words (chips over the video), Korean and English, in the pattern of i18n.ts. */
import { lang } from './i18n.js';

const ko = {
  interactions: '방송 참여',
  nickname: '닉네임',
  expand: (what: string) => `${what} 펼치기`,
  collapse: (what: string) => `${what} 접기`,
};

const en: typeof ko = {
  interactions: 'Take part',
  nickname: 'Nickname',
  expand: (what: string) => `Show ${what}`,
  collapse: (what: string) => `Hide ${what}`,
};

export const tl = lang === 'ko' ? ko : en;
