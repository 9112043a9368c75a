import { z } from 'zod';
import { catalogRefusals } from './catalog-refusals.js';
import type { Declared, RefusalCode } from './refusals/declare.js';
import { studioRefusals } from './refusals/studio.js';

/**
 * Every refusal of the studio core, per area (catalog, the rest of the studio), one declaration
 * per reason. A refusal travels over IPC as its reason and arguments; the renderer says it in the
 * seller's language (renderer/src/errors/error-text.ts), the log keeps the English line.
 */
export const refusals = { ...catalogRefusals, ...studioRefusals } as const;

export type RefusalReason = keyof typeof refusals;
export type RefusalArgs<R extends RefusalReason> = z.infer<(typeof refusals)[R]['args']>;
/** A refusal as it travels: the reason and its arguments. */
export type Refusal = { [R in RefusalReason]: { reason: R; args: RefusalArgs<R> } }[RefusalReason];

export const REFUSAL_REASONS = Object.keys(refusals) as RefusalReason[];

/** What the IPC answer carries; loose on purpose, so a reason this renderer does not know still leaves the answer readable. */
export const RefusalWire = z.object({ reason: z.string().max(64), args: z.record(z.string(), z.unknown()) });

/** The refusal, when the reason is known and its arguments fit; null otherwise (the seller then sees the code's line). */
export function parseRefusal(wire: unknown): Refusal | null {
  const w = RefusalWire.safeParse(wire);
  if (!w.success || !Object.hasOwn(refusals, w.data.reason)) return null;
  const reason = w.data.reason as RefusalReason;
  const args = (refusals[reason].args as z.ZodType).safeParse(w.data.args);
  return args.success ? ({ reason, args: args.data } as Refusal) : null;
}

const declared = (r: Refusal) => refusals[r.reason] as unknown as Declared<z.ZodType>;
export const refusalCode = (r: Refusal): RefusalCode => {
  const code = declared(r).code;
  return typeof code === 'function' ? code(r.args) : code;
};
export const refusalLogLine = (r: Refusal): string => declared(r).log(r.args);
