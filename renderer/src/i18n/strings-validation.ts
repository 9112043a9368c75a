import { SCHEMA_MESSAGES_KO } from '../../../common/commerce/schema-messages-ko.js';
import { STORE_PROFILE_MESSAGES_KO } from '../../../common/commerce/store-profile-messages-ko.js';
/** 1000000 → "1,000,000": limits read like the amounts the seller types. */
const n0 = (n: number) => n.toLocaleString('en-US');

/** Validation messages: generic ones, and the schemas' own messages translated (English: as the schemas write them). */
export const validationEn = {
  required: 'Required',
  atLeast: (n: number) => `Must be at least ${n0(n)}`,
  atMost: (n: number) => `Must be at most ${n0(n)}`,
  tooLong: (n: number) => `At most ${n} characters`,
  number: 'Enter a number',
  invalid: 'This value is not valid',
  /** The schemas' own messages, translated (English: as written). */
  messages: {} as Record<string, string>,
};

export const validationKo: typeof validationEn = {
  required: '필수 항목입니다',
  atLeast: (n: number) => `${n0(n)} 이상이어야 합니다`,
  atMost: (n: number) => `${n0(n)} 이하여야 합니다`,
  tooLong: (n: number) => `${n}자 이하로 입력하세요`,
  number: '숫자를 입력하세요',
  invalid: '올바른 값이 아닙니다',
  messages: { ...SCHEMA_MESSAGES_KO, ...STORE_PROFILE_MESSAGES_KO },
};
