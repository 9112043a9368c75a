import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../store/secret-store.js';

/**
 * Whether safeStorage really protects secrets with the OS keychain. Call after `app` is ready.
 * On Linux without a keyring Electron falls back to 'basic_text' (a hard-coded password): it still
 * reports encryption as available, but that is no better than an owner-only file, so say no.
 */
export function osKeychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** The studio key encrypted by the OS keychain (Keychain, DPAPI, libsecret/kwallet), in an owner-only file. */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;

  constructor(private readonly file: string) {}

  get(): string | null {
    if (!existsSync(this.file)) return null;
    try {
      const value = safeStorage.decryptString(readFileSync(this.file)).trim();
      return value.length ? value : null;
    } catch (error) {
      // Keychain reset or file from another machine/user: treat as no key so Settings asks for it again.
      console.warn(`studio key in ${this.file} cannot be decrypted; it must be entered again`, error);
      return null;
    }
  }

  set(value: string): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written key behind.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, safeStorage.encryptString(value), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
