import { describe, expect, it } from 'vitest';
import { parseTarget, Router, safeDecode } from './http-util.js';

describe('Router.match', () => {
  const router = new Router().add('GET', '/w/:token', () => undefined);

  it('decodes percent-escaped params', () => {
    const m = router.match('GET', '/w/%EB%B4%84');
    expect(m).toMatchObject({ params: { token: '봄' } });
  });

  it('answers malformed for escapes that are not UTF-8 instead of throwing', () => {
    for (const path of ['/w/%E0%A4%A', '/w/%', '/w/%ZZ', '/w/%C0%AF', '/w/%ED%A0%80']) expect(router.match('GET', path)).toBe('malformed');
  });

  it('still says method and null for other paths', () => {
    expect(router.match('POST', '/w/abc')).toBe('method');
    expect(router.match('GET', '/nope')).toBeNull();
  });
});

describe('safeDecode and parseTarget', () => {
  it('return null where the built-ins throw', () => {
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(safeDecode('a%20b')).toBe('a b');
    for (const target of ['//[', 'http://[', '//[::1', 'http://a b/']) expect(parseTarget(target)).toBeNull();
    expect(parseTarget('/api/health?x=1')?.pathname).toBe('/api/health');
    expect(parseTarget(undefined)?.pathname).toBe('/');
  });
});
