import { describe, expect, it } from 'vitest';
import { checkChatMessage, compileChatFilter } from './chat-filter.js';
import { CHAT_MAX_GRAPHEMES } from './limits.js';

const config = compileChatFilter({ ownDomains: ['shopgangnam.co.kr'], allowDomains: ['toss.im'], customWords: ['짝퉁'] });

describe('checkChatMessage', () => {
  it('passes an ordinary question with its clickable links', () => {
    const r = checkChatMessage('  165cm인데   M 사이즈 맞을까요?\u200B 상세는 shopgangnam.co.kr/p/12 ', config);
    expect(r).toEqual({ ok: true, text: '165cm인데 M 사이즈 맞을까요? 상세는 shopgangnam.co.kr/p/12', links: [{ start: 24, end: 46, href: 'https://shopgangnam.co.kr/p/12' }] });
    if (r.ok) expect(r.text.slice(r.links[0]!.start, r.links[0]!.end)).toBe('shopgangnam.co.kr/p/12');
  });

  it('passes other domains as plain text (no link)', () => {
    expect(checkChatMessage('google.com 에서 봤어요', config)).toEqual({ ok: true, text: 'google.com 에서 봤어요', links: [] });
  });

  it('renders script and markup as text: nothing is removed or turned into a link', () => {
    const raw = '<script>alert(1)</script><img src=x onerror=alert(1)> **bold** [a](javascript:alert(1))';
    expect(checkChatMessage(raw, config)).toEqual({ ok: true, text: raw, links: [] });
    expect(checkChatMessage('javascript:alert(document.cookie)', config)).toMatchObject({ ok: true, links: [] });
    expect(checkChatMessage('data:text/html,<b>x</b>', config)).toMatchObject({ ok: true, links: [] });
  });

  it('refuses empty and too long messages with their reason', () => {
    expect(checkChatMessage('\u200B \u202E', config)).toEqual({ ok: false, reason: 'empty', detail: {} });
    expect(checkChatMessage('a'.repeat(10_240), config)).toMatchObject({ ok: false, reason: 'too_long', detail: { max: CHAT_MAX_GRAPHEMES } });
    expect(checkChatMessage(undefined as unknown as string, config)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses banned words naming the list entry (for the sender and the moderator log)', () => {
    expect(checkChatMessage('시1발 뭐야', config)).toEqual({ ok: false, reason: 'banned_word', detail: { list: 'ko', entry: '시발' } });
    expect(checkChatMessage('이거 짝퉁?', config)).toEqual({ ok: false, reason: 'banned_word', detail: { list: 'custom', entry: '짝퉁' } });
  });

  it('refuses phishing links with why and what they imitate', () => {
    expect(checkChatMessage('이벤트 당첨! shopgangnarn.co.kr/gift 에서 확인', config)).toEqual({
      ok: false, reason: 'blocked_link', detail: { host: 'shopgangnarn.co.kr', why: 'lookalike', resembles: 'shopgangnam.co.kr' },
    });
    expect(checkChatMessage('무료 쿠폰 bit[.]ly/3xYz', config)).toMatchObject({ reason: 'blocked_link', detail: { why: 'shortener' } });
    expect(checkChatMessage('t0ss.im/pay', config)).toMatchObject({ reason: 'blocked_link', detail: { why: 'lookalike', resembles: 'toss.im' } });
  });

  it('makes at most 10 links clickable; the rest stay text', () => {
    const r = checkChatMessage(Array.from({ length: 12 }, (_, i) => `toss.im/${i}`).join(' '), config);
    expect(r.ok && r.links.map((l) => l.href)).toEqual(Array.from({ length: 10 }, (_, i) => `https://toss.im/${i}`));
  });

  it('one blocked link refuses the whole message even beside a good one', () => {
    expect(checkChatMessage('shopgangnam.co.kr 말고 han.gl/abc', config)).toMatchObject({ ok: false, reason: 'blocked_link' });
  });
});
