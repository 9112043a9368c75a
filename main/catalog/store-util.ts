import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { describeZodError, ERROR_CODES } from '../../common/errors.js';
import { invalidInputRefusal } from '../../common/catalog-refusals.js';
import { StudioError } from '../../common/ipc-contract.js';

/** A fresh opaque id: 16 characters of crypto-random base64url (96 bits), valid for the common `Id`. */
export const newId = (): string => randomBytes(12).toString('base64url');

export const nowIso = (): string => new Date().toISOString();

/**
 * Parses with a common schema; a failure is the `invalidInput` refusal (its issues as data).
 * Stores call this even though the IPC layer already parsed the request: they do not trust callers.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw StudioError.refuse(invalidInputRefusal(parsed.error));
  return parsed.data;
}

/** Parses a row read back from the database; a mismatch means the file was edited or damaged. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StudioError(ERROR_CODES.internal, `The saved ${what} is damaged (${describeZodError(parsed.error)}).`);
  return parsed.data;
}

/** parseStored for a catalog item, refused as `storedItemDamaged` so the seller reads which item (`label`: its name, code or question). */
export function parseStoredItem<S extends z.ZodType>(schema: S, value: unknown, kind: CatalogKind, label: string | null): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw StudioError.refuse({ reason: 'storedItemDamaged', args: { kind, label, detail: describeZodError(parsed.error) } });
  return parsed.data;
}

export const notFound = (message: string) => new StudioError(ERROR_CODES.notFound, message);

/** The item was deleted (in another window, or by an import) while the seller still had it open. */
export const itemGone = (kind: CatalogKind) => StudioError.refuse({ reason: 'itemGone', args: { kind } });

export type CatalogKind = 'product' | 'coupon' | 'quiz' | 'poll';

type Db = Database.Database;

/** Remembers what a deleted item was called, so a cue that still points at it can name it. */
export function rememberDeleted(db: Db, kind: CatalogKind, id: string, label: string): void {
  db.prepare(
    'INSERT INTO deleted_items (kind, id, label, deleted_at) VALUES (?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET label = excluded.label, deleted_at = excluded.deleted_at',
  ).run(kind, id, label, nowIso());
}

export function forgetDeleted(db: Db, kind: CatalogKind, id: string): void {
  db.prepare('DELETE FROM deleted_items WHERE kind = ? AND id = ?').run(kind, id);
}

export function deletedLabel(db: Db, kind: CatalogKind, id: string): string | null {
  const row = db.prepare('SELECT label FROM deleted_items WHERE kind = ? AND id = ?').get(kind, id) as { label: string } | undefined;
  return row?.label ?? null;
}
