import type { StoreProfileInput } from '../commerce/store-profile.js';

/** A filled-in store profile for tests (a made-up shop; the 사업자등록번호 passes the checksum). */
export const sampleStoreProfile = (over: Partial<StoreProfileInput> = {}): StoreProfileInput => ({
  businessName: '봄날의옷장',
  representative: '김봄',
  businessNumber: '2208162517',
  mailOrderNumber: '제2024-서울마포-01234호',
  address: '서울특별시 마포구 월드컵북로 12, 3층',
  phone: '0212345678',
  email: 'help@bomnal.example',
  returns: { periodDays: 7, shippingFee: 3000, address: '서울특별시 마포구 월드컵북로 12, 1층 반품센터', note: '단순 변심 반품은 왕복 배송비 6,000원을 부담해 주세요.' },
  privacyOfficer: { name: '이보호', contact: 'privacy@bomnal.example' },
  ...over,
});
