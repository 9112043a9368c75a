import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Watch-link tokens: `<payload>.<signature>`, both base64url. The payload names the link and show;
 * the HMAC makes forging one impossible without the relay's secret. Revocation lives in the database.
 */
export interface LinkClaims {
  linkId: string;
  showId: string;
  /** seconds since the epoch; 0 = no expiry */
  exp: number;
}

export type TokenCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function signLinkToken(secret: string, claims: LinkClaims): string {
  const payload = Buffer.from(JSON.stringify({ l: claims.linkId, s: claims.showId, e: claims.exp })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyLinkToken(secret: string, token: string, nowSec = Math.floor(Date.now() / 1000)): TokenCheck {
  const m = /^([A-Za-z0-9_-]{8,512})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, payload, sig] = m as unknown as [string, string, string];
  const expected = Buffer.from(mac(secret, payload));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return { ok: false, reason: 'forged' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = raw as { l?: unknown; s?: unknown; e?: unknown };
  if (typeof c.l !== 'string' || typeof c.s !== 'string' || typeof c.e !== 'number') return { ok: false, reason: 'malformed' };
  if (c.e !== 0 && nowSec >= c.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { linkId: c.l, showId: c.s, exp: c.e } };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
