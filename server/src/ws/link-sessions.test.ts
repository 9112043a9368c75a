import { describe, expect, it } from 'vitest';
import { LinkSessions, linkSessionsOf } from './link-sessions.js';

function fakeLinks() {
  const listeners: ((id: string) => void)[] = [];
  return { onRevoke: (l: (id: string) => void) => (listeners.push(l), () => undefined), revoke: (id: string) => listeners.forEach((l) => l(id)), listeners };
}

describe('LinkSessions', () => {
  it('closes the sockets of a revoked link, and only those', () => {
    const links = fakeLinks();
    const sessions = new LinkSessions(links);
    const closed: string[] = [];
    sessions.add('wl_a', () => closed.push('a1'));
    sessions.add('wl_a', () => closed.push('a2'));
    const stopB = sessions.add('wl_b', () => closed.push('b'));
    const stopGone = sessions.add('wl_a', () => closed.push('gone'));
    stopGone();
    links.revoke('wl_a');
    expect(closed.sort()).toEqual(['a1', 'a2']);
    expect(sessions.count('wl_a')).toBe(0);
    expect(sessions.count('wl_b')).toBe(1);
    stopB();
    links.revoke('wl_b');
    expect(closed).not.toContain('b');
  });

  it('subscribes once per set of links', () => {
    const links = fakeLinks();
    expect(linkSessionsOf(links)).toBe(linkSessionsOf(links));
    expect(links.listeners).toHaveLength(1);
  });
});
