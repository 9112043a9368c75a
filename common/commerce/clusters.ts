import { z } from 'zod';

/**
 * The seller's view of suspicious clusters (GET /api/shows/:id/orders/clusters): standing orders
 * that share one phone, one delivery address or one network, grouped. `key` is a short prefix of
 * the relay's keyed hash, enough to tell groups apart, never the phone, address or IP itself.
 */
export const OrderCluster = z.object({
  by: z.enum(['phone', 'address', 'network']),
  key: z.string(),
  orderIds: z.array(z.string()),
});
export type OrderCluster = z.infer<typeof OrderCluster>;

/** A group is shown from this many standing orders up. */
export const CLUSTER_MIN_ORDERS = 3;

/** POST /api/shows/:id/orders/cancel: cancel many unpaid orders at once (a cluster). */
export const BulkCancelRequest = z
  .object({
    orderIds: z.array(z.string().min(1).max(80)).min(1).max(500),
    reason: z.string().trim().max(200).default(''),
  })
  .strict();
export const BulkCancelResponse = z.object({
  cancelled: z.array(z.string()),
  /** Paid orders (refund them one by one), orders of another show, unknown ids. */
  refused: z.array(z.object({ orderId: z.string(), error: z.string() })),
});
export type BulkCancelResponse = z.infer<typeof BulkCancelResponse>;
