import { COURIERS, type CourierCode } from '../../../common/commerce/shipment.js';

/** Shipping an order (courier, tracking number), both languages. */
export const fulfilmentEn = {
  ship: 'Ship',
  reship: 'Correct shipping',
  courier: 'Courier',
  courierName: (c: CourierCode) => COURIERS[c].en,
  tracking: 'Tracking number',
  trackingPh: 'e.g. 6012-3456-7890',
  trackingBad: 'A tracking number has 6 to 30 letters or digits (dashes are fine).',
  save: 'Save as shipped',
  shipped: (courier: string, tracking: string) => `Shipped · ${courier} ${tracking}`,
  statusShipped: 'Shipped',
  statusCodPending: 'Cash on delivery · to ship',
  failed: 'Could not save:',
};

export const fulfilmentKo: typeof fulfilmentEn = {
  ship: '발송 처리',
  reship: '송장 수정',
  courier: '택배사',
  courierName: (c) => COURIERS[c].ko,
  tracking: '송장번호',
  trackingPh: '예: 6012-3456-7890',
  trackingBad: '송장번호는 영문·숫자 6~30자예요 (- 는 넣어도 돼요).',
  save: '발송 완료로 저장',
  shipped: (courier, tracking) => `배송 중 · ${courier} ${tracking}`,
  statusShipped: '배송 중',
  statusCodPending: '착불 · 발송 대기',
  failed: '저장하지 못했어요:',
};
