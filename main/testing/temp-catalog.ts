import { afterEach, beforeEach } from 'vitest';
import { Catalog } from '../catalog/catalog.js';
import type { StudioDb } from '../store/studio-db.js';
import { tempStudioDb } from './temp-db.js';

/** A fresh catalog on its own temporary studio database for every test of the file (closed after each). */
export function useTempCatalog(): { readonly db: StudioDb; readonly catalog: Catalog } {
  const t = {} as { db: StudioDb; catalog: Catalog };
  beforeEach(() => {
    t.db = tempStudioDb();
    t.catalog = new Catalog(t.db);
  });
  afterEach(() => t.db.close());
  return t;
}
