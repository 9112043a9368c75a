import { parse } from 'tldts';
import { editDistance, isMixedScript, skeleton } from './domain-similarity.js';
import { SHORTENER_DOMAINS } from './shorteners.js';

/**
 * Links in chat: found with or without a scheme and through obfuscated dots, hosts parsed with
 * the Public Suffix List (tldts), then judged against the seller's own domains and allow-list.
 * Clickable: own or allow-listed registrable domain. Plain: any other ordinary domain, shown as
 * text only. Blocked: shorteners, IP addresses, punycode/Unicode hosts, look-alikes, typo-squats.
 */

export type BlockedLinkReason = 'shortener' | 'ip_address' | 'punycode' | 'lookalike' | 'typosquat';
export type LinkVerdict = { kind: 'clickable'; href: string } | { kind: 'plain' } | { kind: 'blocked'; reason: BlockedLinkReason; resembles?: string };

export interface FoundLink {
  /** UTF-16 offsets in the text that was scanned (the displayed text). */
  start: number;
  end: number;
  /** The host as judged: dots restored, NFKC, lower case. */
  host: string;
  verdict: LinkVerdict;
}

export interface LinkPolicyInput {
  /** The seller's own domains ("shopgangnam.co.kr"); subdomains count as the same site. */
  ownDomains?: readonly string[];
  /** Other domains whose links are clickable (a payment page, the seller's SNS). */
  allowDomains?: readonly string[];
}

interface ProtectedDomain { domain: string; label: string; suffix: string; skeleton: string; labelSkeleton: string }

export interface LinkPolicy {
  scan(text: string): FoundLink[];
  /** Entries of ownDomains/allowDomains that are not a registrable domain, for the settings form. */
  rejected: string[];
}

/** Typos are judged only on labels this long; "x.com" would otherwise resemble every one-letter domain. */
const MIN_TYPO_LABEL = 4;
/** A host containing an own label this long ("shopgangnam-event.com") is a look-alike. */
const MIN_CONTAINED_LABEL = 5;

// Dots people write to dodge link filters: 。．｡, [.] (.) {.}, [dot], and " . " with spaces both sides.
const DOT = String.raw`(?:\s*[。．｡]\s*|\s*[\[\(\{]\s*(?:\.|dot)\s*[\]\)\}]\s*|\s+\.\s+|\.)`;
// Labels: ASCII and non-Hangul/CJK letters (Cyrillic look-alikes), so Korean text glued to a
// domain ("주문은shop.co.kr에서") is not swallowed into the host.
// (Lookahead rather than the v flag's set difference: older phone browsers lack the v flag.)
const LABEL_CHAR = String.raw`(?:(?![\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])`;
const LABEL = String.raw`${LABEL_CHAR}(?:(?:${LABEL_CHAR}|-){0,61}${LABEL_CHAR})?`;
// Top-level domain: Latin (fullwidth too, NFKC folds it); Korean particles may follow ("...kr에서").
const TLD = String.raw`(?:[a-zA-Zａ-ｚＡ-Ｚ]{2,24}|xn--[a-zA-Z0-9-]{2,59})(?!${LABEL_CHAR}|-)`;
const PATH = String.raw`(?:[/?#][\x21-\x7e]*)?`;
const PORT = String.raw`(?::\d{1,5})?`;
const SCHEME_URL = String.raw`(?<scheme>(?:https?|hxxps?|ftp)\s*:\s*//)(?<authority>[^\s/?#]+)${PATH}`;
const BARE_HOST = String.raw`(?<bare>(?:${LABEL}${DOT})+${TLD}|\d{1,3}(?:${DOT}\d{1,3}){3})${PORT}${PATH}`;
const LINK = new RegExp(String.raw`${SCHEME_URL}|(?<!${LABEL_CHAR}|[@.\-])${BARE_HOST}`, 'giu');
const DOT_VARIANT = new RegExp(DOT, 'gu');
const TRAILING_PUNCTUATION = /[.,!?;:'")\]}>]+$/;

const IPV4_PART = /^(?:0x[0-9a-f]*|\d+)$/;
function looksLikeIp(host: string): boolean {
  if (host.startsWith('[') || host.includes(':')) return true;
  const parts = host.split('.');
  return parts.length <= 4 && parts.every((p) => IPV4_PART.test(p)) || parse(host).isIp === true;
}

function protect(domain: string): ProtectedDomain | undefined {
  const p = parse(domain.normalize('NFKC').toLowerCase().trim());
  if (!p.domain || !p.domainWithoutSuffix || !p.publicSuffix || p.isIp) return undefined;
  return { domain: p.domain, label: p.domainWithoutSuffix, suffix: p.publicSuffix, skeleton: skeleton(p.domain), labelSkeleton: skeleton(p.domainWithoutSuffix) };
}

function hostOf(match: RegExpExecArray): { host: string; hasScheme: boolean; userinfo: boolean } {
  const g = match.groups ?? {};
  let raw = g['authority'] ?? g['bare'] ?? '';
  const userinfo = raw.includes('@');
  if (g['authority'] !== undefined) {
    raw = raw.slice(raw.lastIndexOf('@') + 1); // "https://naver.com@evil.io" goes to evil.io
    raw = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1 || undefined) : raw.replace(/:\d*$/, '');
  }
  const host = raw.replace(DOT_VARIANT, '.').replace(/\s+/g, '').normalize('NFKC').toLowerCase().replace(/\.+$/, '');
  return { host, hasScheme: g['authority'] !== undefined, userinfo };
}

export function compileLinkPolicy(input: LinkPolicyInput = {}): LinkPolicy {
  const rejected: string[] = [];
  const toProtected = (list: readonly string[] | undefined) =>
    (list ?? []).flatMap((d) => {
      const p = protect(d);
      if (!p) rejected.push(d);
      return p ? [p] : [];
    });
  const own = toProtected(input.ownDomains);
  const allowed = toProtected(input.allowDomains);
  const trusted = [...own, ...allowed];
  const trustedDomains = new Set(trusted.map((t) => t.domain));

  function judge(host: string, hasScheme: boolean, userinfo: boolean, path: string): LinkVerdict | undefined {
    if (looksLikeIp(host)) return { kind: 'blocked', reason: 'ip_address' };
    // "https://naver.com@evil.io" shows a trusted name but goes to evil.io.
    if (userinfo) return { kind: 'blocked', reason: 'lookalike' };
    const p = parse(host);
    if (!p.domain || !p.domainWithoutSuffix) return hasScheme ? { kind: 'plain' } : undefined;
    if (!hasScheme && !p.isIcann) return undefined; // "좋아요.내일" is not a link
    if (trustedDomains.has(p.domain)) return { kind: 'clickable', href: `https://${host}${path}` };
    if (SHORTENER_DOMAINS.has(p.domain)) return { kind: 'blocked', reason: 'shortener' };
    const labels = host.split('.');
    const hostSkeleton = skeleton(host);
    const domainSkeleton = skeleton(p.domain);
    const labelSkeleton = skeleton(p.domainWithoutSuffix);
    const typo = trusted.find((t) => labelSkeleton === t.labelSkeleton && t.label.length >= MIN_TYPO_LABEL && t.domain !== p.domain);
    if (typo && domainSkeleton !== typo.skeleton) return { kind: 'blocked', reason: 'typosquat', resembles: typo.domain }; // coupang.net
    for (const t of trusted) {
      if (domainSkeleton === t.skeleton || hostSkeleton.includes(t.skeleton)) return { kind: 'blocked', reason: 'lookalike', resembles: t.domain };
      if (t.label.length >= MIN_CONTAINED_LABEL && labels.some((l) => skeleton(l).includes(t.labelSkeleton))) {
        return { kind: 'blocked', reason: 'lookalike', resembles: t.domain };
      }
    }
    if (labels.some(isMixedScript)) return { kind: 'blocked', reason: 'lookalike' };
    for (const t of trusted) {
      if (t.label.length < MIN_TYPO_LABEL) continue;
      const max = t.label.length >= 8 ? 2 : 1;
      const dehyphenated = labelSkeleton.replace(/-/g, '') === t.labelSkeleton.replace(/-/g, '');
      if (dehyphenated || editDistance(labelSkeleton, t.labelSkeleton, max) <= max) {
        return { kind: 'blocked', reason: 'typosquat', resembles: t.domain };
      }
    }
    if (/[^\x00-\x7f]/.test(host) || labels.some((l) => l.startsWith('xn--'))) return { kind: 'blocked', reason: 'punycode' };
    return { kind: 'plain' };
  }

  return {
    rejected,
    scan(text) {
      const found: FoundLink[] = [];
      for (const m of text.matchAll(LINK)) {
        const whole = m[0].replace(TRAILING_PUNCTUATION, '');
        const { host, hasScheme, userinfo } = hostOf(m);
        const hostEnd = whole.search(/[/?#]/);
        const path = hostEnd >= 0 && !hasScheme ? whole.slice(hostEnd) : hasScheme ? pathAfterAuthority(whole) : '';
        const verdict = judge(host, hasScheme, userinfo, path);
        if (verdict) found.push({ start: m.index, end: m.index + whole.length, host, verdict });
      }
      return found;
    },
  };
}

function pathAfterAuthority(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  const i = afterScheme.search(/[/?#]/);
  return i >= 0 ? afterScheme.slice(i) : '';
}
