import { z } from 'zod';

/**
 * What the host lets viewers see over the video, per show (issue 11: "the host can choose what
 * shows"). Every kind is on by default, which is how the watch page behaved before the setting.
 * - `purchases`: anonymised purchase notices, as toasts over the picture and as lines in the chat.
 *   Off means the relay does not send them at all (docs/phone-layout.md).
 * - `stock`: "남은 수량" counters on product cards and the coupon drop's quota left.
 * - `results`: quiz results and a poll's live tallies.
 * - `couponBanner`: the coupon drop banner.
 */
export const VIEWER_DISPLAY_KINDS = ['purchases', 'stock', 'results', 'couponBanner'] as const;
export type ViewerDisplayKind = (typeof VIEWER_DISPLAY_KINDS)[number];

/** Strict: an unknown kind is refused by name, never stored and silently ignored. */
export const ViewerDisplay = z
  .object({
    purchases: z.boolean({ error: 'purchases must be true or false' }),
    stock: z.boolean({ error: 'stock must be true or false' }),
    results: z.boolean({ error: 'results must be true or false' }),
    couponBanner: z.boolean({ error: 'couponBanner must be true or false' }),
  })
  .strict();
export type ViewerDisplay = z.infer<typeof ViewerDisplay>;

export const DEFAULT_VIEWER_DISPLAY: ViewerDisplay = { purchases: true, stock: true, results: true, couponBanner: true };
