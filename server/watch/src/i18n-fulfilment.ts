/** After the order (shipping, order lookup), Korean and English, in the same pattern as i18n.ts. */
import type { ViewerOrder } from '../../../common/commerce/order.js';
import { COURIERS, type CourierCode } from '../../../common/commerce/shipment.js';
import { lang, type Lang } from './i18n.js';

/** What the buyer is told about an order: a shipped order is "배송 중"; cash on delivery is never "입금 대기". */
export type ShownStatus = ViewerOrder['status'] | 'shipped' | 'cod_pending';

export function shownStatus(o: Pick<ViewerOrder, 'status' | 'payment' | 'shipment'>): ShownStatus {
  if (o.shipment && (o.status === 'paid' || o.status === 'awaiting_payment')) return 'shipped';
  if (o.payment === 'cash_on_delivery' && o.status === 'awaiting_payment') return 'cod_pending';
  return o.status;
}

/** 로/으로 after a Korean word: 로 after a vowel or ㄹ, 으로 after any other final consonant; (으)로 when not Hangul. */
export function toParticle(word: string): string {
  const code = word.trim().slice(-1).charCodeAt(0);
  if (!(code >= 0xac00 && code <= 0xd7a3)) return '(으)로';
  const final = (code - 0xac00) % 28;
  return final === 0 || final === 8 ? '로' : '으로';
}

const ko = {
  status: { awaiting_payment: '입금 대기', paid: '결제 완료 · 배송 준비 중', cancelled: '취소됨', refunded: '환불됨', expired: '입금 기한 만료', shipped: '배송 중', cod_pending: '착불 · 배송 준비 중' } as Record<ShownStatus, string>,
  courier: (code: CourierCode): string => COURIERS[code].ko,
  tracking: '송장번호',
  shippedWith: (courier: string) => `${courier}${toParticle(courier)} 보냈어요.`,
  payBy: (when: string) => `입금 기한: ${when}까지 (지나면 주문이 취소돼요)`,
  lookupTitle: '주문 조회',
  lookupHint: '다른 기기에서 주문하셨나요? 주문번호와 주문할 때 적은 전화번호로 찾을 수 있어요.',
  orderNumber: '주문번호',
  orderNumberPlaceholder: '예: LC-261122-483051',
  phone: '전화번호',
  phonePlaceholder: '예: 010-1234-5678',
  find: '찾기',
  finding: '찾는 중…',
  notFound: '이 주문번호와 전화번호로 된 주문이 없어요. 두 가지를 다시 확인해 주세요.',
  needBoth: '주문번호와 전화번호를 모두 적어 주세요.',
};

const en: typeof ko = {
  status: { awaiting_payment: 'Awaiting payment', paid: 'Paid · preparing to ship', cancelled: 'Cancelled', refunded: 'Refunded', expired: 'Expired (not paid in time)', shipped: 'Shipped', cod_pending: 'Cash on delivery · preparing to ship' },
  courier: (code) => COURIERS[code].en,
  tracking: 'Tracking number',
  shippedWith: (courier) => `Sent with ${courier}.`,
  payBy: (when) => `Pay by ${when} (the order is cancelled after that)`,
  lookupTitle: 'Find an order',
  lookupHint: 'Ordered on another device? Find it with the order number and the phone number you gave.',
  orderNumber: 'Order number',
  orderNumberPlaceholder: 'e.g. LC-261122-483051',
  phone: 'Phone number',
  phonePlaceholder: 'e.g. 010-1234-5678',
  find: 'Find',
  finding: 'Looking…',
  notFound: 'No order with this order number and phone number. Check both and try again.',
  needBoth: 'Enter both the order number and the phone number.',
};

export const STRINGS: Record<Lang, typeof ko> = { ko, en };
export const f = STRINGS[lang];
