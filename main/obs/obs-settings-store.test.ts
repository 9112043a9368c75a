import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../store/secret-store.js';
import type { StudioDb } from '../store/studio-db.js';
import { tempStudioDb } from '../testing/temp-db.js';
import { DEFAULT_OBS, ObsSettingsStore } from './obs-settings-store.js';

let db: StudioDb | null = null;
afterEach(() => db?.close());

describe('OBS settings and password', () => {
  it('address in the database, password in an owner-only file; blank keeps it, empty clears it', () => {
    db = tempStudioDb();
    const file = path.join(db.dataDir, 'obs-password');
    const store = new ObsSettingsStore(db.db, new FileSecretStore(file));
    expect(store.get()).toEqual({ saved: false, host: DEFAULT_OBS.host, port: DEFAULT_OBS.port, hasPassword: false, passwordStorage: 'none' });
    expect(store.save('192.168.0.20', 4456, 's3cret-비밀')).toEqual({ saved: true, host: '192.168.0.20', port: 4456, hasPassword: true, passwordStorage: 'owner-only-file' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.password()).toBe('s3cret-비밀');
    store.save('127.0.0.1', 4455, undefined);
    expect(store.password()).toBe('s3cret-비밀');
    store.save('127.0.0.1', 4455, '');
    expect(store.password()).toBeNull();
    expect(store.get().hasPassword).toBe(false);
  });
});
