import { describe, expect, it } from 'vitest';
import { signLinkToken, verifyLinkToken } from './link-tokens.js';

const secret = 's'.repeat(40);
const claims = { linkId: 'wl_1', showId: 'sh_1', exp: 0 };

describe('watch link tokens', () => {
  it('round-trips the claims', () => {
    expect(verifyLinkToken(secret, signLinkToken(secret, claims))).toEqual({ ok: true, claims });
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyLinkToken(secret, signLinkToken('o'.repeat(40), claims))).toEqual({ ok: false, reason: 'forged' });
  });

  it('rejects a payload changed after signing', () => {
    const [, sig] = signLinkToken(secret, claims).split('.');
    const other = Buffer.from(JSON.stringify({ l: 'wl_1', s: 'sh_OTHER', e: 0 })).toString('base64url');
    expect(verifyLinkToken(secret, `${other}.${sig}`)).toEqual({ ok: false, reason: 'forged' });
  });

  it('rejects expired tokens and accepts unexpired ones', () => {
    const token = signLinkToken(secret, { ...claims, exp: 1000 });
    expect(verifyLinkToken(secret, token, 999).ok).toBe(true);
    expect(verifyLinkToken(secret, token, 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each(['', 'abc', 'a.b', '<script>.x', 'x'.repeat(2000), `${'A'.repeat(20)}.${'B'.repeat(42)}`])('calls %j malformed', (t) => {
    expect(verifyLinkToken(secret, t)).toEqual({ ok: false, reason: 'malformed' });
  });
});
