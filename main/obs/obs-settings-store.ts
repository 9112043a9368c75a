import type Database from 'better-sqlite3';
import type { ObsSettings } from '../../common/obs.js';
import type { SecretStore } from '../store/secret-store.js';

interface Row {
  host: string;
  port: number;
}

/** OBS's default WebSocket address (OBS on this computer, obs-websocket's default port). */
export const DEFAULT_OBS = { host: '127.0.0.1', port: 4455 } as const;

/** Where OBS listens (studio DB, migration 4) and its password (keychain or owner-only file). */
export class ObsSettingsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
  ) {}

  get(): ObsSettings {
    const row = this.db.prepare('SELECT host, port FROM obs_connection WHERE id = 1').get() as Row | undefined;
    const hasPassword = this.secrets.get() !== null;
    return { saved: row !== undefined, host: row?.host ?? DEFAULT_OBS.host, port: row?.port ?? DEFAULT_OBS.port, hasPassword, passwordStorage: hasPassword ? this.secrets.kind : 'none' };
  }

  password(): string | null {
    return this.secrets.get();
  }

  /** `password` undefined keeps the saved one; an empty string clears it (OBS without authentication). */
  save(host: string, port: number, password: string | undefined): ObsSettings {
    this.db
      .prepare(`INSERT INTO obs_connection (id, host, port, updated_at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET host = excluded.host, port = excluded.port, updated_at = excluded.updated_at`)
      .run(host, port, new Date().toISOString());
    if (password === '') this.secrets.clear();
    else if (password !== undefined) this.secrets.set(password);
    return this.get();
  }
}
