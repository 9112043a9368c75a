/**
 * Link shorteners: a short link hides where it goes, so it is never allowed in chat (unless the
 * seller allow-lists one). Registrable domains, as tldts returns them.
 *
 * Sources: the maintained list github.com/PeterDaveHello/url-shorteners (international ones),
 * plus the Korean services in common use: 네이버 naver.me and me2.do, 카카오 kko.to, han.gl,
 * vo.la, url.kr, lrl.kr, zrr.kr, c11.kr, muz.so, hoy.kr (the Korean ones appear in KISA and
 * police smishing advisories as carriers of phishing links).
 */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set([
  // Korean
  'naver.me', 'me2.do', 'kko.to', 'han.gl', 'vo.la', 'url.kr', 'lrl.kr', 'zrr.kr', 'c11.kr', 'muz.so', 'hoy.kr', 'myip.kr',
  // International
  'bit.ly', 'bitly.com', 'bit.do', 't.ly', 'tinyurl.com', 'goo.gl', 'is.gd', 'v.gd', 'ow.ly', 'buff.ly', 't.co', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'rb.gy', 'tiny.cc', 's.id', 'x.gd', 'u.nu', 'cli.re', '2.gy', 'gg.gg', 'qrco.de', 'lnkd.in', 'shorte.st', 'adf.ly',
  'bl.ink', 'soo.gd', 'clck.ru', 'tr.im', 'dub.sh', 'short.io', 'shorturl.asia', 'urlz.fr', 'tiny.one', 'surl.li',
]);
