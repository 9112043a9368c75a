import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioDb } from '../store/studio-db.js';

/** A fresh studio database in its own temporary data folder (tests only). */
export function tempStudioDb(): StudioDb {
  return new StudioDb(mkdtempSync(path.join(os.tmpdir(), 'studio-test-')));
}
