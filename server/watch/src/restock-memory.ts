import { z } from 'zod';
import { MAX_RESTOCK_REQUESTS_PER_DEVICE } from '../../../common/commerce/live-selling.js';
import { KEYS, read, write, type KeyValueStore } from './local-store.js';

/**
 * Which lines this device asked "재입고 알림 받기" for, kept in localStorage so a reload still says
 * "재입고되면 알려드릴게요" and still lets the "재입고되었어요" notice through (docs/live-selling.md).
 * The relay holds the requests themselves (per device id); this is only the page's memory of them,
 * and the relay's list replaces it once the page has asked (CommerceStore.syncRestock).
 *
 * Bounded: the lines of the last MAX_REMEMBERED_SHOWS shows, at most the relay's per-device limit
 * per show, in one key. Read back as hostile (another script, an old page, a hand edit): anything
 * oversized, unparsable or malformed is skipped, entry by entry, never thrown.
 */
export const MAX_REMEMBERED_SHOWS = 5;
/** Far above what MAX_REMEMBERED_SHOWS × MAX_RESTOCK_REQUESTS_PER_DEVICE keys take; a bigger value is not ours. */
const MAX_STORED_CHARS = 16_384;

/** "productId/optionId" (empty after the slash for a product without options); ids never contain a slash. */
export const restockKey = (productId: string, optionId: string | null) => `${productId}/${optionId ?? ''}`;
const RESTOCK_KEY = /^[A-Za-z0-9_-]{1,40}\/[A-Za-z0-9_-]{0,40}$/;
/** The watch link's token as the page keys per-show storage (same cut as KEYS.taken). */
const showOf = (token: string) => token.slice(0, 64);

const Entry = z.object({ show: z.string().min(1).max(64), lines: z.array(z.unknown()).max(MAX_RESTOCK_REQUESTS_PER_DEVICE * 2) });
type Entry = { show: string; lines: string[] };

function readAll(store: KeyValueStore | null): Entry[] {
  const raw = read(store, KEYS.restockAsked);
  if (raw === null || raw.length > MAX_STORED_CHARS) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return [];
  }
  const top = z.object({ v: z.literal(1), shows: z.array(z.unknown()).max(MAX_REMEMBERED_SHOWS * 4) }).safeParse(doc);
  if (!top.success) return [];
  const entries: Entry[] = [];
  for (const item of top.data.shows) {
    const e = Entry.safeParse(item);
    if (!e.success || entries.some((x) => x.show === e.data.show)) continue;
    const lines = [...new Set(e.data.lines.filter((l): l is string => typeof l === 'string' && RESTOCK_KEY.test(l)))].slice(0, MAX_RESTOCK_REQUESTS_PER_DEVICE);
    if (lines.length) entries.push({ show: e.data.show, lines });
    if (entries.length === MAX_REMEMBERED_SHOWS) break;
  }
  return entries;
}

/** The lines this device asked about in this show (valid keys only, at most the relay's limit). */
export function loadRestockAsked(store: KeyValueStore | null, token: string): string[] {
  return readAll(store).find((e) => e.show === showOf(token))?.lines ?? [];
}

/** Replaces this show's lines (empty: forgets the show); this show becomes the newest, the oldest beyond the bound go. */
export function saveRestockAsked(store: KeyValueStore | null, token: string, keys: readonly string[]): void {
  const show = showOf(token);
  const lines = [...new Set(keys.filter((k) => RESTOCK_KEY.test(k)))].slice(0, MAX_RESTOCK_REQUESTS_PER_DEVICE);
  const others = readAll(store).filter((e) => e.show !== show);
  const shows = (lines.length ? [{ show, lines }, ...others] : others).slice(0, MAX_REMEMBERED_SHOWS);
  write(store, KEYS.restockAsked, shows.length ? JSON.stringify({ v: 1, shows }) : null);
}
