import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { RELAY_SETTINGS_ERRORS } from '../relay-settings.js';
import { declare, type RefusalCode } from './declare.js';

/**
 * The studio core's refusals outside the catalog (run-downs, cues, the go-live hand-over, payment
 * settings, clips, relay settings), declared once each like the catalog's (common/catalog-refusals.ts).
 * The seller reads renderer/src/i18n/strings-studio-refusals.ts, never the log line.
 */

const Label = z.string().max(400);
/** System or schema words for the log (English); the seller's text never shows them. */
const Detail = z.string().max(1000);
const CueTargetKind = z.enum(['product', 'coupon', 'quiz', 'poll']);
/** What a cue names: the name it had when deleted (a product's name, a coupon's code, a question), or only its id. */
const CueTarget = z.object({ name: Label.nullable(), id: Label });

const list = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);
const VERB = { product: 'shows', coupon: 'drops', quiz: 'opens', poll: 'opens' } as const;
const cueTargetLog = (kind: z.infer<typeof CueTargetKind>, t: z.infer<typeof CueTarget>) =>
  t.name === null ? `a ${kind} (id ${t.id})` : kind === 'coupon' ? `the coupon ${t.name}` : kind === 'product' ? `“${t.name}”` : `the ${kind} “${t.name}”`;

export const studioRefusals = {
  rundownGone: declare(ERROR_CODES.notFound, z.object({}), () => 'That run-down is no longer in the studio.'),
  segmentIdRepeated: declare(ERROR_CODES.badRequest, z.object({ segmentId: Label }), (a) => `segments: two segments have the same id “${a.segmentId}”`),
  cueIdRepeated: declare(ERROR_CODES.badRequest, z.object({ cueId: Label, segment: Label, otherSegment: Label }), (a) =>
    `cues: two cues have the same id “${a.cueId}” (in “${a.otherSegment}”${a.otherSegment === a.segment ? '' : ` and “${a.segment}”`})`,
  ),
  /** A cue names catalog items deleted since the run-down was written. */
  cueTargetGone: declare(ERROR_CODES.notFound, z.object({ kind: CueTargetKind, targets: z.array(CueTarget).min(1).max(20) }), (a) =>
    `This cue ${VERB[a.kind]} ${list(a.targets.map((t) => cueTargetLog(a.kind, t)))}, which ${a.targets.length > 1 ? 'are' : 'is'} no longer in the catalog. Edit the cue in the run-down, or add it to the catalog again.`,
  ),
  /** The stage op built from the catalog fails the relay's schema (an item changed under the cue). */
  cueNotSendable: declare(ERROR_CODES.badRequest, z.object({ detail: Detail }), (a) => `This cue cannot be sent: ${a.detail}.`),
  handoffCatalogInvalid: declare(ERROR_CODES.badRequest, z.object({ detail: Detail }), (a) => `The catalog cannot be handed to the relay: ${a.detail}`),
  /** The relay refused the show's products and payment settings at go-live; its own code is passed on. */
  handoffRefusedByRelay: declare((a) => a.relayCode as RefusalCode, z.object({ relayCode: z.string().max(64), relayMessage: Detail }), (a) =>
    `The relay did not take the show’s products and payment settings: ${a.relayMessage}`,
  ),
  noPaymentMethod: declare(ERROR_CODES.badRequest, z.object({}), () => 'payment: turn on at least one way to pay (bank transfer, cash on delivery or card)'),
  clipNotReady: declare(ERROR_CODES.notFound, z.object({}), () => 'No such clip, or it is not cut yet.'),
  clipNoThumbnail: declare(ERROR_CODES.notFound, z.object({}), () => 'The clip has no thumbnail.'),
  clipThumbnailTooLarge: declare(ERROR_CODES.notFound, z.object({}), () => 'The clip thumbnail is too large.'),
  relayAddressInvalid: declare(ERROR_CODES.badRequest, z.object({}), () => 'relay address is not a valid URL'),
  relayAddressHasCredentials: declare(ERROR_CODES.badRequest, z.object({}), () => 'relay address must not contain a user name or password'),
  /** http:// to a relay on another machine: the key and every order would cross the network in clear. */
  relayNotHttps: declare(RELAY_SETTINGS_ERRORS.notHttps, z.object({ host: Label }), (a) =>
    `use https:// for a relay on another machine (${a.host}); http:// is only for a relay on this computer`,
  ),
  /** No key saved for this address; `otherRelay` when the saved key belongs to another address (it is never sent elsewhere). */
  studioKeyNeeded: declare(RELAY_SETTINGS_ERRORS.keyNeeded, z.object({ origin: Label, otherRelay: z.boolean() }), (a) =>
    a.otherRelay ? `Enter the studio key for ${a.origin}; the saved key belongs to another relay address and is not sent elsewhere.` : 'Enter the studio key the relay printed when it first started.',
  ),
} as const;
