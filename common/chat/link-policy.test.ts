import { describe, expect, it } from 'vitest';
import { compileLinkPolicy } from './link-policy.js';
import { displayForm } from './normalize.js';

const policy = compileLinkPolicy({ ownDomains: ['shopgangnam.co.kr', 'naver.com'], allowDomains: ['coupang.com', 'toss.im'] });
const verdicts = (text: string) => policy.scan(displayForm(text)).map((l) => ({ host: l.host, ...l.verdict }));

describe('link policy: clickable and plain', () => {
  it.each([
    ['주문은 shopgangnam.co.kr/event 에서', 'shopgangnam.co.kr', 'https://shopgangnam.co.kr/event'],
    ['주문은shopgangnam.co.kr에서 해요', 'shopgangnam.co.kr', 'https://shopgangnam.co.kr'],
    ['https://smartstore.naver.com/abc?x=1', 'smartstore.naver.com', 'https://smartstore.naver.com/abc?x=1'],
    ['HTTP://WWW.COUPANG.COM/vp/1.', 'www.coupang.com', 'https://www.coupang.com/vp/1'],
    ['ｎａｖｅｒ．ｃｏｍ', 'naver.com', 'https://naver.com'],
    ['naver 。com', 'naver.com', 'https://naver.com'],
  ])('%j is clickable', (text, host, href) => {
    expect(verdicts(text)).toEqual([{ host, kind: 'clickable', href }]);
  });

  it('gives the span of the link in the displayed text', () => {
    const text = '링크: shopgangnam.co.kr/a, 감사합니다';
    const [link] = policy.scan(text);
    expect(text.slice(link!.start, link!.end)).toBe('shopgangnam.co.kr/a');
  });

  it.each(['www.example.com 보세요', 'google.com', '(see example.org)', 'example.com.', 'http://localhost:3000/'])('%j is plain text', (text) => {
    expect(verdicts(text).map((v) => v.kind)).toEqual(['plain']);
  });

  it.each(['Thanks. it works', '좋아요.내일 와요', '가격은 1.5만원', '3.5kg 이에요', 'abc@naver.com 으로 메일 주세요', '사이즈 95.100.105 있어요', 'v1.2.3'])(
    '%j has no link',
    (text) => expect(verdicts(text)).toEqual([]),
  );
});

describe('link policy: blocked with a reason', () => {
  it.each([
    ['bit.ly/abc', 'shortener'], ['bit[.]ly/abc', 'shortener'], ['bit(dot)ly/x', 'shortener'], ['BIT . LY/abc', 'shortener'], ['han.gl/x', 'shortener'],
    ['me2.do/5abc', 'shortener'], ['vo.la/abc', 'shortener'], ['url.kr/x', 'shortener'], ['https://naver.me/xyz', 'shortener'], ['t.ly/x', 'shortener'],
    ['tinyurl.com/y', 'shortener'], ['goo.gl/z', 'shortener'], ['is.gd/q', 'shortener'], ['kko.to/abc', 'shortener'],
    ['http://192.168.0.1/login', 'ip_address'], ['10.0.0.1/admin', 'ip_address'], ['http://2130706433/', 'ip_address'], ['http://0x7f.0.0.1/', 'ip_address'],
    ['http://0177.0.0.1/', 'ip_address'], ['http://[::1]/', 'ip_address'], ['https://[2001:db8::1]:8080/x', 'ip_address'],
    ['xn--80ak6aa92e.com', 'punycode'], ['http://пример.рф', 'punycode'], ['ｘｎ--80ak6aa92e.com', 'punycode'],
    ['раураl.com', 'lookalike'], ['nаver.com', 'lookalike'], ['naver.com.login-check.io', 'lookalike'], ['shopgangnam-event.com', 'lookalike'],
    ['https://naver.com@evil.io/', 'lookalike'], ['shopgangnarn.co.kr', 'lookalike'], ['nave r.com', undefined],
    ['nalver.com', 'typosquat'], ['naevr.com', 'typosquat'], ['coupang.net', 'typosquat'], ['shop-gangnam.co.kr', 'typosquat'], ['shopgangnem.co.kr', 'typosquat'], ['c0upang.com', 'lookalike'],
  ])('%j → %s', (text, reason) => {
    const v = verdicts(text);
    if (reason === undefined) return expect(v.every((x) => x.kind !== 'clickable')).toBe(true);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'blocked', reason });
  });

  it('an allow-listed shortener is the seller\'s choice', () => {
    const p = compileLinkPolicy({ allowDomains: ['naver.me'] });
    expect(p.scan('naver.me/abc')[0]!.verdict).toEqual({ kind: 'clickable', href: 'https://naver.me/abc' });
  });

  it('short trusted labels do not make every short domain a typo-squat', () => {
    const p = compileLinkPolicy({ ownDomains: ['x.com'] });
    expect(p.scan('y.com')[0]!.verdict).toEqual({ kind: 'plain' });
  });

  it('reports seller entries that are not domains', () => {
    expect(compileLinkPolicy({ ownDomains: ['shop', '1.2.3.4', 'ok.co.kr', ''] }).rejected).toEqual(['shop', '1.2.3.4', '']);
  });
});
