import { z } from 'zod';
import { Nickname } from '../../../common/protocol/watch-api.js';
import { EMPTY_BUYER, FIELD_MAX, type BuyerDraft } from './checkout-form.js';

/**
 * What the watch page keeps in the browser (localStorage), read defensively: storage may be off
 * (private mode), full, or hold something older or tampered with. Nothing here is required to work.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEYS = {
  buyer: 'lc.buyer',
  remember: 'lc.rememberBuyer',
  nickname: 'lc.nickname',
  nicknameAsked: 'lc.nicknameAsked',
  /** Per show (token): quizzes answered and polls voted on this device, so a reload keeps "answer sent". */
  taken: (token: string) => `lc.taken.${token.slice(0, 64)}`,
  /** 재입고 알림 asked on this device, for the last few shows (restock-memory.ts). */
  restockAsked: 'lc.restockAsked',
} as const;

export function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function read(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function write(store: KeyValueStore | null, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    /* storage full or off: the viewer types it again next time */
  }
}

function readJson<T>(store: KeyValueStore | null, key: string, schema: z.ZodType<T>): T | null {
  const raw = read(store, key);
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const field = (max: number) => z.string().max(max).catch('');
const StoredBuyer = z.object({
  v: z.literal(1),
  name: field(FIELD_MAX.name),
  phone: field(FIELD_MAX.phone),
  postcode: field(FIELD_MAX.postcode),
  line1: field(FIELD_MAX.line1),
  line2: field(FIELD_MAX.line2),
  note: field(FIELD_MAX.note),
});

/**
 * The delivery details saved after the last order, or null. Only with the viewer's consent (the
 * "remember on this device" box): details an older page saved without asking are removed here.
 */
export function loadBuyer(store: KeyValueStore | null): BuyerDraft | null {
  if (!loadRemember(store)) {
    if (read(store, KEYS.buyer) !== null) clearBuyer(store);
    return null;
  }
  const b = readJson(store, KEYS.buyer, StoredBuyer);
  if (!b) return null;
  const { v: _v, ...draft } = b;
  return { ...EMPTY_BUYER, ...draft };
}

export function saveBuyer(store: KeyValueStore | null, draft: BuyerDraft): void {
  const trimmed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as unknown as BuyerDraft;
  write(store, KEYS.buyer, JSON.stringify({ v: 1, ...trimmed }));
}

export function clearBuyer(store: KeyValueStore | null): void {
  write(store, KEYS.buyer, null);
}

/**
 * "Remember on this device" is off until the viewer ticks it (a name, phone and address stay in a
 * shared or borrowed phone otherwise). Stored as '1' only: older pages stored '0' for "off" and
 * nothing for an unasked default, and both now read as off.
 */
export function loadRemember(store: KeyValueStore | null): boolean {
  return read(store, KEYS.remember) === '1';
}

export function saveRemember(store: KeyValueStore | null, on: boolean): void {
  write(store, KEYS.remember, on ? '1' : null);
}

/** The viewer unticked the box: forget the details now, not at the next order. */
export function forgetBuyer(store: KeyValueStore | null): void {
  saveRemember(store, false);
  clearBuyer(store);
}

/** After a successful order: keep the details for next time, or forget them if the box is off. */
export function afterOrder(store: KeyValueStore | null, draft: BuyerDraft, remember: boolean): void {
  saveRemember(store, remember);
  if (remember) saveBuyer(store, draft);
  else clearBuyer(store);
}

export function loadNickname(store: KeyValueStore | null): string | null {
  const raw = read(store, KEYS.nickname);
  const parsed = Nickname.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function saveNickname(store: KeyValueStore | null, nickname: string | null): void {
  write(store, KEYS.nickname, nickname);
  write(store, KEYS.nicknameAsked, '1');
}

/** The nickname field is offered once; after that it stays out of the way. */
export function nicknameAsked(store: KeyValueStore | null): boolean {
  return read(store, KEYS.nicknameAsked) === '1';
}

export function markNicknameAsked(store: KeyValueStore | null): void {
  write(store, KEYS.nicknameAsked, '1');
}

const Choices = z.record(z.string(), z.number().int().min(0).max(3));
/** quiz → answer, poll → vote, coupon → 0 (claimed). */
const Taken = z.object({ quiz: Choices, poll: Choices, coupon: Choices.default({}) });
export type Taken = z.infer<typeof Taken>;
const MAX_TAKEN = 50;

export function loadTaken(store: KeyValueStore | null, token: string): Taken {
  return readJson(store, KEYS.taken(token), Taken) ?? { quiz: {}, poll: {}, coupon: {} };
}

/** Remembers a choice (quiz answer, poll vote, claimed coupon) on this device; keeps the newest few per show. */
export function saveTaken(store: KeyValueStore | null, token: string, kind: 'quiz' | 'poll' | 'coupon', id: string, choice: number): Taken {
  const taken = loadTaken(store, token);
  const entries = Object.entries(taken[kind]).filter(([k]) => k !== id);
  const next = { ...taken, [kind]: Object.fromEntries([...entries.slice(-(MAX_TAKEN - 1)), [id, choice]]) };
  write(store, KEYS.taken(token), JSON.stringify(next));
  return next;
}
