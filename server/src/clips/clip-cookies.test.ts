import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clipBuyCookie, clipDevice, clipTokenOf, cookieValue, isLinkPreview } from './clip-cookies.js';

const req = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv_-';

describe('the clip page cookies', () => {
  it('reads the first value of a named cookie, ignoring look-alike names', () => {
    expect(cookieValue('a=1; lc_clip=x; lc_clip=y', 'lc_clip')).toBe('x');
    expect(cookieValue('xlc_clip=1;lc_clipx=2', 'lc_clip')).toBeNull();
    expect(cookieValue(undefined, 'lc_clip')).toBeNull();
  });

  it('keeps a well-formed device id and mints a new one for none or a bad one', () => {
    const known = 'A'.repeat(22);
    expect(clipDevice(req(`lc_cdev=${known}`), false)).toEqual({ id: known, setCookie: null });
    for (const r of [req(), req('lc_cdev=../x'), req(`lc_cdev=${known}A`)]) {
      const d = clipDevice(r, true);
      expect(d.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(d.id).not.toBe(known);
      expect(d.setCookie).toBe(`lc_cdev=${d.id}; Path=/c/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure`);
    }
  });

  it("sends the Buy's clip only to that watch link's API, and reads back only a clip token", () => {
    expect(clipBuyCookie(TOKEN, 'eyJs.sig', false)).toBe(`lc_clip=${TOKEN}; Path=/api/watch/eyJs.sig/; Max-Age=86400; HttpOnly; SameSite=Lax`);
    expect(clipTokenOf(req(`lc_clip=${TOKEN}`))).toBe(TOKEN);
    expect(clipTokenOf(req("lc_clip=' OR 1=1"))).toBeNull();
    expect(clipTokenOf(req(`lc_clip=${TOKEN}x`))).toBeNull();
  });

  it('tells link previews from people', () => {
    for (const ua of ['kakaotalk-scrap/1.0; +https://devtalk.kakao.com/', 'facebookexternalhit/1.1', 'Twitterbot/1.0', 'Slackbot-LinkExpanding 1.0', 'WhatsApp/2.23.20.0', 'Mozilla/5.0 (compatible; Googlebot/2.1)']) expect(isLinkPreview(ua), ua).toBe(true);
    for (const ua of ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) KAKAOTALK 10.4.5', 'Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile Safari/537.36 Instagram 312.0', undefined]) expect(isLinkPreview(ua), ua).toBe(false);
  });
});
