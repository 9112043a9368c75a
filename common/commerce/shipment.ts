import { z } from 'zod';

/**
 * Couriers a Korean seller ships with, by a stable code (stored, sent, in CSVs) and the name the
 * buyer knows. Codes are ours; names are what the couriers call themselves.
 */
export const COURIERS = {
  cj: { ko: 'CJ대한통운', en: 'CJ Logistics' },
  epost: { ko: '우체국택배', en: 'Korea Post' },
  hanjin: { ko: '한진택배', en: 'Hanjin' },
  lotte: { ko: '롯데택배', en: 'Lotte Global Logistics' },
  logen: { ko: '로젠택배', en: 'Logen' },
  kdexp: { ko: '경동택배', en: 'Kyungdong' },
  daesin: { ko: '대신택배', en: 'Daesin' },
  cvsnet: { ko: 'GS Postbox 택배', en: 'GS Postbox' },
  other: { ko: '기타', en: 'Other' },
} as const;
export type CourierCode = keyof typeof COURIERS;
export const CourierCode = z.enum(Object.keys(COURIERS) as [CourierCode, ...CourierCode[]]);

/** Tracking numbers are 9–14 digits for the Korean couriers; dashes and spaces typed from a label are dropped. */
export const TrackingNumber = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Za-z]{6,30}$/, 'tracking number: 6 to 30 letters or digits'));

export const MarkShippedRequest = z.object({ courier: CourierCode, trackingNumber: TrackingNumber }).strict();
export type MarkShippedRequest = z.input<typeof MarkShippedRequest>;

/** What the buyer sees once the seller shipped: courier, tracking number and when. */
export const Shipment = z.object({ courier: CourierCode, trackingNumber: z.string(), shippedAt: z.string() });
export type Shipment = z.infer<typeof Shipment>;

/**
 * "Where is my order" from any device: the order number and the phone number given at checkout.
 * Both must match; the answer for a wrong phone and an unknown number is the same.
 */
export const OrderLookupRequest = z
  .object({
    number: z.string().trim().toUpperCase().regex(/^[A-Z]{1,3}-[0-9]{6}-[0-9]{6,9}$/, 'order number looks like LC-261122-483051'),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'phone number: digits, spaces or dashes (e.g. 010-1234-5678)'),
  })
  .strict();
export type OrderLookupRequest = z.input<typeof OrderLookupRequest>;

/** A shipment for an order that can ship: paid, or cash on delivery (paid to the courier) still standing. */
export const canShip = (o: { status: string; payment: string }): boolean => o.status === 'paid' || (o.payment === 'cash_on_delivery' && o.status === 'awaiting_payment');

/** A courier as a seller writes it in a spreadsheet: our code, the Korean or the English name (spaces and case ignored). */
export function courierFrom(text: string): CourierCode | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!key) return null;
  for (const [code, names] of Object.entries(COURIERS) as [CourierCode, { ko: string; en: string }][]) {
    if (key === code || key === names.ko.replace(/\s+/g, '').toLowerCase() || key === names.en.replace(/\s+/g, '').toLowerCase()) return code;
  }
  // Common short forms on Korean sheets.
  const aliases: Record<string, CourierCode> = { cj: 'cj', 대한통운: 'cj', cj택배: 'cj', 우체국: 'epost', 한진: 'hanjin', 롯데: 'lotte', 로젠: 'logen', 경동: 'kdexp', 대신: 'daesin' };
  return aliases[key] ?? null;
}

export const MAX_SHIP_ROWS = 2000;

/**
 * Many shipments at once (the studio reads them from a CSV): each row is checked on its own, so a
 * bad row is reported and the good rows still ship. `line` is the row's line in the seller's file.
 */
export const BulkShipRequest = z
  .object({
    rows: z
      .array(z.object({ line: z.number().int().min(1).max(1_000_000), number: z.string().max(40), courier: z.string().max(40), trackingNumber: z.string().max(60) }).strict())
      .min(1)
      .max(MAX_SHIP_ROWS),
  })
  .strict();
export type BulkShipRequest = z.input<typeof BulkShipRequest>;

/** Why one row did not ship; the studio says it in the seller's language. */
export const ShipRowError = z.enum(['unknown_order', 'unknown_courier', 'bad_tracking', 'not_shippable', 'duplicate_row']);
export type ShipRowError = z.infer<typeof ShipRowError>;
export const BulkShipResponse = z.object({
  shipped: z.number().int(),
  refused: z.array(z.object({ line: z.number().int(), number: z.string(), error: ShipRowError })),
});
export type BulkShipResponse = z.infer<typeof BulkShipResponse>;
