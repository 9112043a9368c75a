import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Buyer } from '../../../common/commerce/order.js';
import type { Db } from '../db/database.js';

/**
 * The numbers of the identity model (docs/identity-and-fairness.md explains each):
 * new device ids per network: a bucket of 60, refilled at 1 a second (a venue or carrier NAT of
 * 100 people opening the link at once all have ids within 40 s; a script gets 60, then 1 a second);
 * per network and show item: 5 unpaid holds of a product, 5 claims of a drop, 5 votes in a poll;
 * one quiz prize per network.
 */
export const NEW_DEVICES_BURST = 60;
export const NEW_DEVICES_PER_SEC = 1;
export const NETWORK_SHARE = 5;

const ID_PREFIX = 'v1';
const RANDOM_BYTES = 15;
const MAC_BYTES = 12;

/** IPv4 (and IPv4-mapped IPv6) as is; IPv6 by its /64, which one subscriber usually holds whole. */
export function networkOf(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (isIP(a) === 4) return a;
  if (isIP(a) !== 6) return 'unknown';
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':') + '::/64';
}

/**
 * The address a request came from: the socket's peer. X-Forwarded-For is believed only when the
 * peer is a proxy the operator named (RELAY_TRUST_PROXY), and then only its last entry (the one
 * that proxy appended; anything left of it the client could have written).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trustedProxies.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').pop()?.trim() ?? '';
  return isIP(last) ? last : peer;
}

export function trustedProxiesFrom(env: string | undefined): Set<string> {
  return new Set((env ?? '').split(',').map((s) => s.trim()).filter((s) => isIP(s) !== 0));
}

/** Digits only, +82 → 0: 010-1234-5678, 01012345678 and +82 10 1234 5678 are one phone. */
export function normalisePhone(phone: string): string {
  let digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3);
  return digits.replace(/\+/g, '');
}

/**
 * One delivery address however it is typed: NFKC, lower case, no spaces or punctuation, and the
 * long forms of Korean province names shortened (서울특별시 = 서울). The detail line stays: one
 * apartment complex shares its road address.
 */
export function normaliseAddress(address: Buyer['address']): string {
  const squash = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(특별시|광역시|특별자치시|특별자치도)/g, '')
      .replace(/[\s.,#()\-_/'"]+/g, '');
  return `${squash(address.postcode)}|${squash(address.line1)}|${squash(address.line2)}`;
}

/**
 * The relay's identity secret (settings 'identity_secret'), made on first start, and when that was
 * ('identity_since'): plain ids registered before it are the legacy ids still accepted.
 */
export function identitySecret(db: Db): { secret: Buffer; since: string } {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'identity_secret'").get() as { value: string } | undefined;
  const sinceRow = db.prepare("SELECT value FROM settings WHERE key = 'identity_since'").get() as { value: string } | undefined;
  if (row && sinceRow) return { secret: Buffer.from(row.value, 'base64url'), since: sinceRow.value };
  const secret = row ? Buffer.from(row.value, 'base64url') : randomBytes(32);
  const since = new Date().toISOString();
  db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('identity_secret', ?)").run(secret.toString('base64url'));
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('identity_since', ?)").run(since);
  })();
  return { secret, since };
}

/** Ids whose MAC already checked, kept so a chatting viewer costs no HMAC per message; cleared when full. */
const KNOWN_IDS_MAX = 100_000;

/**
 * Device ids the relay issues carry a MAC of the relay's secret, so "did the relay issue this id"
 * is a computation, not a table (ids that pass are remembered only to save the HMAC), and a client
 * cannot make up an id. Phone, address and network are stored as keyed hashes: equal inputs match,
 * and a leaked table cannot be reversed by hashing every Korean mobile number without the secret.
 */
export class Identity {
  private readonly known = new Set<string>();

  constructor(private readonly secret: Buffer) {}

  private mac(kind: string, value: string, bytes = 32): Buffer {
    return createHmac('sha256', this.secret).update(`${kind}\u0000${value}`).digest().subarray(0, bytes);
  }

  issue(): string {
    const body = ID_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
    return body + this.mac('device', body, MAC_BYTES).toString('base64url');
  }

  /** Whether the relay issued this id (constant-time compare of the MAC). Only ids that pass are remembered. */
  issued(id: string): boolean {
    if (this.known.has(id)) return true;
    const bodyLength = ID_PREFIX.length + (RANDOM_BYTES / 3) * 4;
    if (id.length !== bodyLength + (MAC_BYTES / 3) * 4 || !id.startsWith(ID_PREFIX)) return false;
    const given = Buffer.from(id.slice(bodyLength), 'base64url');
    const want = this.mac('device', id.slice(0, bodyLength), MAC_BYTES);
    // base64url decoding ignores what it cannot read: only the canonical spelling of the MAC counts.
    const ok = given.length === want.length && timingSafeEqual(given, want) && given.toString('base64url') === id.slice(bodyLength);
    if (!ok) return false;
    if (this.known.size >= KNOWN_IDS_MAX) this.known.clear();
    this.known.add(id);
    return true;
  }

  /** 'k1:' marks the keyed scheme (rows from before it are re-hashed at start). */
  phoneHash(phone: string): string {
    return 'k1:' + this.mac('phone', normalisePhone(phone)).toString('hex');
  }

  addressHash(address: Buyer['address']): string {
    return 'k1:' + this.mac('address', normaliseAddress(address)).toString('hex');
  }

  /** A short tag for a network: enough to group by, without storing the buyer's IP address. */
  networkTag(address: string): string {
    return 'n' + this.mac('network', networkOf(address), 6).toString('hex');
  }
}
