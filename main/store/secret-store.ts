import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the studio keeps its relay key. Electron uses the OS keychain (safeStorage); otherwise an owner-only file. */
export interface SecretStore {
  readonly kind: 'os-keychain' | 'owner-only-file';
  get(): string | null;
  set(value: string): void;
  clear(): void;
}

export class FileSecretStore implements SecretStore {
  readonly kind = 'owner-only-file' as const;
  constructor(private readonly file: string) {}

  get(): string | null {
    if (!existsSync(this.file)) return null;
    const value = readFileSync(this.file, 'utf8').trim();
    return value.length ? value : null;
  }

  set(value: string): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, value, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
