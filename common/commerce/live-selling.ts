import { z } from 'zod';
import { Id } from './catalog.js';

/**
 * What the host changes while the show runs (docs/live-selling.md): stock found in the back, a
 * 라이브 특가 for a few minutes, and viewers' "재입고 알림" requests. The relay owns stock, so the
 * studio never sends an absolute figure blindly: it sends a delta, optionally guarded by the level
 * it last saw (compare-and-set), and sales in between are never lost.
 */
export const MAX_STOCK = 1_000_000;

export const AdjustStockRequest = z
  .object({
    productId: Id,
    /** The option for a product with options; null for one without. */
    optionId: Id.nullable(),
    /** Units to add (found more) or remove (damaged, miscounted); never 0. */
    delta: z.number().int().min(-MAX_STOCK).max(MAX_STOCK).refine((n) => n !== 0, 'delta must not be 0'),
    /** When set, the change applies only if the relay still holds exactly this many (the studio's last view). */
    expectedStock: z.number().int().min(0).max(MAX_STOCK).nullable().default(null),
  })
  .strict();
export type AdjustStockRequest = z.infer<typeof AdjustStockRequest>;

export const AdjustStockResponse = z.object({
  productId: Id,
  optionId: Id.nullable(),
  stock: z.number().int().min(0),
  /** Viewers' back-in-stock requests for this line that the restock answered (they were told). */
  notified: z.number().int().min(0),
});
export type AdjustStockResponse = z.infer<typeof AdjustStockResponse>;

/** Longest 라이브 특가: a live special is for the moment, not a standing price change. */
export const MAX_SPECIAL_MINUTES = 180;

export const StartSpecialRequest = z
  .object({
    productId: Id,
    /** The special unit price, minor units of the product's currency; below the regular price, never 0 (a special is not a giveaway). */
    price: z.number().int().min(1).max(100_000_000),
    minutes: z.number().int().min(1).max(MAX_SPECIAL_MINUTES),
  })
  .strict();
export type StartSpecialRequest = z.infer<typeof StartSpecialRequest>;

export const EndSpecialRequest = z.object({ productId: Id }).strict();

/** A running live special as viewers and the studio see it; `endsAt` is the relay's clock (ms). */
export const LiveSpecial = z.object({ productId: Id, price: z.number().int().min(0), endsAt: z.number() });
export type LiveSpecial = z.infer<typeof LiveSpecial>;

/** How many back-in-stock requests one device may hold in a show (hostile clients cannot fill the table). */
export const MAX_RESTOCK_REQUESTS_PER_DEVICE = 20;

export const RestockRequest = z.object({ viewerId: z.string().min(1).max(100), productId: Id, optionId: Id.nullable() }).strict();
export type RestockRequest = z.infer<typeof RestockRequest>;

/** One line a device asked about; `notifiedAt` is set once the host restocked it (ms, relay clock). */
export const RestockWatch = z.object({ productId: Id, optionId: Id.nullable(), notifiedAt: z.number().nullable() });
export type RestockWatch = z.infer<typeof RestockWatch>;

/** For the host: how many viewers wait for each sold-out line. */
export const RestockDemand = z.object({ productId: Id, optionId: Id.nullable(), waiting: z.number().int().min(0) });
export type RestockDemand = z.infer<typeof RestockDemand>;
