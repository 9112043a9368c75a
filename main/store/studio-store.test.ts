import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore } from './secret-store.js';
import { StudioDb, studioMigrations } from './studio-db.js';

describe('studio storage', () => {
  it('migrates and keeps settings across reopen', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-'));
    const db = new StudioDb(dir);
    expect(db.db.pragma('user_version', { simple: true })).toBe(studioMigrations.length);
    db.setSetting('relay_url', 'https://a');
    db.setSetting('relay_url', 'https://b');
    db.close();
    const again = new StudioDb(dir);
    expect(again.getSetting('relay_url')).toBe('https://b');
    expect(again.getSetting('missing')).toBeNull();
    again.close();
  });

  it('keeps the key in an owner-only file', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'secret-')), 'sub', 'relay-key');
    const store = new FileSecretStore(file);
    expect(store.get()).toBeNull();
    store.set('sk_abc');
    expect(store.get()).toBe('sk_abc');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.get()).toBeNull();
  });
});
