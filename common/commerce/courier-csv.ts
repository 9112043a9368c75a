import { z } from 'zod';
import { toCsv, type Cell } from '../csv-write.js';
import { localTimeWithOffset } from '../report-csv.js';
import type { SellerOrder } from './order.js';
import { canShip, COURIERS } from './shipment.js';

/**
 * The studio's order exports (docs/fulfilment.md "Courier sheets"):
 * - `generic`: every order of the show, headers and status words in the seller's language, times in
 *   the seller's time zone with the offset; courier and tracking number once shipped.
 * - `cj`: CJ대한통운's bulk reservation sheet (CNPlus 일반 예약 양식): only orders still to ship
 *   (paid, or cash on delivery), one parcel per row, Korean headers always (CJ's system reads them).
 */
export const OrdersSheetFormat = z.enum(['generic', 'cj']);
export type OrdersSheetFormat = z.infer<typeof OrdersSheetFormat>;
/** `utf-8-bom`: Excel opens Korean correctly; `cp949`: older Excel and courier upload tools that expect 한글 완성형. */
export const SheetEncoding = z.enum(['utf-8-bom', 'cp949']);
export type SheetEncoding = z.infer<typeof SheetEncoding>;

type Shown = 'awaiting_payment' | 'paid' | 'cancelled' | 'refunded' | 'expired' | 'shipped' | 'cod_pending';

export interface OrdersSheetLabels {
  header: [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  status: Record<Shown, string>;
  payment: Record<SellerOrder['payment'], string>;
  courier: (code: keyof typeof COURIERS) => string;
  erased: string;
}

export const ORDERS_SHEET_KO: OrdersSheetLabels = {
  header: ['주문번호', '주문일시', '상태', '상품', '옵션', '수량', '금액', '배송비', '결제', '받는 분', '연락처', '우편번호', '주소', '상세주소', '배송 요청사항', '택배사', '송장번호'],
  status: { awaiting_payment: '입금 대기', paid: '결제 완료', cancelled: '취소', refunded: '환불', expired: '입금 기한 만료', shipped: '배송 중', cod_pending: '착불 · 발송 대기' },
  payment: { bank_transfer: '무통장 입금', cash_on_delivery: '착불', card: '카드' },
  courier: (c) => COURIERS[c].ko,
  erased: '(삭제됨)',
};

export const ORDERS_SHEET_EN: OrdersSheetLabels = {
  header: ['Order number', 'Ordered at', 'Status', 'Product', 'Option', 'Qty', 'Total', 'Shipping', 'Payment', 'Recipient', 'Phone', 'Postcode', 'Address', 'Address detail', 'Delivery note', 'Courier', 'Tracking number'],
  status: { awaiting_payment: 'Awaiting payment', paid: 'Paid', cancelled: 'Cancelled', refunded: 'Refunded', expired: 'Expired (unpaid)', shipped: 'Shipped', cod_pending: 'Cash on delivery · to ship' },
  payment: { bank_transfer: 'Bank transfer', cash_on_delivery: 'Cash on delivery', card: 'Card' },
  courier: (c) => COURIERS[c].en,
  erased: '(erased)',
};

/**
 * CJ대한통운 CNPlus 대량 예약 (일반) columns, in order. Not published as a spec by CJ; this is the
 * default layout that seller tools reproduce (docs/fulfilment.md says where it comes from).
 * 운송장번호 stays empty (CJ assigns it), 예약구분 empty = 일반, 박스수량 1 per order.
 */
export const CJ_HEADER = ['예약구분', '집하예정일', '받는분성명', '받는분전화번호', '받는분기타연락처', '받는분우편번호', '받는분주소', '운송장번호', '고객주문번호', '품목명', '박스수량', '박스타입', '기본운임', '배송메세지1', '배송메세지2'] as const;

/** What the seller sees as the order's state: shipped and "cash on delivery, to ship" are their own words. */
export function shownStatus(o: Pick<SellerOrder, 'status' | 'payment' | 'shipment'>): Shown {
  if (o.shipment && (o.status === 'paid' || o.status === 'awaiting_payment')) return 'shipped';
  if (o.payment === 'cash_on_delivery' && o.status === 'awaiting_payment') return 'cod_pending';
  return o.status;
}

/** Amounts as plain major units ("29000", "12.50"), so a sheet can sum them. */
const major = (minor: number, currency: string): number => (currency === 'USD' || currency === 'EUR' ? minor / 100 : minor);

const byTime = (a: SellerOrder, b: SellerOrder) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number < b.number ? -1 : 1);

/** "봄 니트 · 네이비 ×2": what the parcel holds, as the label prints it. */
const itemName = (o: SellerOrder) => `${o.quote.optionName ? `${o.quote.productName} · ${o.quote.optionName}` : o.quote.productName} ×${o.quote.quantity}`;

function genericRows(orders: readonly SellerOrder[], l: OrdersSheetLabels, timeZone: string): Cell[][] {
  return [...orders].sort(byTime).map((o) => {
    const b = o.buyer;
    const cur = o.quote.currency;
    return [
      o.number,
      localTimeWithOffset(Date.parse(o.createdAt), timeZone),
      l.status[shownStatus(o)],
      o.quote.productName,
      o.quote.optionName ?? '',
      o.quote.quantity,
      major(o.quote.total, cur),
      major(o.quote.shipping, cur),
      l.payment[o.payment],
      b?.name ?? l.erased,
      b?.phone ?? '',
      b?.address.postcode ?? '',
      b?.address.line1 ?? '',
      b?.address.line2 ?? '',
      b?.note ?? '',
      o.shipment ? l.courier(o.shipment.courier) : '',
      o.shipment?.trackingNumber ?? '',
    ];
  });
}

/** Orders CJ should pick up: shippable, not shipped yet, with a buyer to deliver to. */
export const toShip = (o: SellerOrder): boolean => canShip(o) && !o.shipment && o.buyer !== null;

function cjRows(orders: readonly SellerOrder[]): Cell[][] {
  return [...orders]
    .filter(toShip)
    .sort(byTime)
    .map((o) => {
      const b = o.buyer!;
      const address = [b.address.line1, b.address.line2].filter(Boolean).join(' ');
      return ['', '', b.name, b.phone, '', b.address.postcode, address, '', o.number, itemName(o), 1, '', '', b.note, ''];
    });
}

/** The sheet as text (UTF-8, BOM first, CRLF); the studio re-encodes it for CP949 when asked. */
export function ordersSheet(orders: readonly SellerOrder[], opts: { format: OrdersSheetFormat; lang: 'ko' | 'en'; timeZone: string }): string {
  if (opts.format === 'cj') return toCsv([[...CJ_HEADER], ...cjRows(orders)]);
  const labels = opts.lang === 'ko' ? ORDERS_SHEET_KO : ORDERS_SHEET_EN;
  return toCsv([labels.header, ...genericRows(orders, labels, opts.timeZone)]);
}
