import type { SecretStore } from './store/secret-store.js';

/**
 * The studio key, bound to the relay origin it was entered for. It is stored with that origin, and
 * handed out only for the same origin: changing the relay address never sends the old key to the
 * new one. A bare key (stored before keys were bound, or put there by a test harness) is bound to
 * the address in use when the studio starts.
 */
interface Bound {
  v: 1;
  origin: string;
  key: string;
}

export class RelayKey {
  constructor(
    private readonly secrets: SecretStore,
    legacyOrigin: string | null,
  ) {
    const raw = secrets.get();
    if (raw !== null && parse(raw) === null) {
      if (legacyOrigin) this.set(legacyOrigin, raw);
      else secrets.clear();
    }
  }

  get kind(): SecretStore['kind'] {
    return this.secrets.kind;
  }

  /** The key entered for `origin`, or null (none saved, or saved for another relay). */
  for(origin: string | null): string | null {
    const raw = this.secrets.get();
    const bound = raw === null ? null : parse(raw);
    return bound && origin !== null && bound.origin === origin ? bound.key : null;
  }

  set(origin: string, key: string): void {
    const bound: Bound = { v: 1, origin, key };
    this.secrets.set(JSON.stringify(bound));
  }
}

function parse(raw: string): Bound | null {
  if (!raw.startsWith('{')) return null;
  try {
    const v = JSON.parse(raw) as Partial<Bound>;
    return v.v === 1 && typeof v.origin === 'string' && typeof v.key === 'string' && v.key.length > 0 ? (v as Bound) : null;
  } catch {
    return null;
  }
}
