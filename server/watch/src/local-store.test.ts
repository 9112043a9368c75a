import { describe, expect, it } from 'vitest';
import { EMPTY_BUYER } from './checkout-form.js';
import { afterOrder, clearBuyer, forgetBuyer, KEYS, loadBuyer, loadNickname, loadRemember, loadTaken, nicknameAsked, saveNickname, saveTaken, type KeyValueStore } from './local-store.js';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

class BrokenStore implements KeyValueStore {
  getItem(): string | null {
    throw new Error('SecurityError');
  }
  setItem(): void {
    throw new Error('QuotaExceededError');
  }
  removeItem(): void {
    throw new Error('SecurityError');
  }
}

const draft = { name: ' 김민지 ', phone: '010-1234-5678', postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '10층', note: '' };

describe('remembered delivery details', () => {
  it('are not kept unless the viewer ticks the box: it starts unticked', () => {
    const s = new MemoryStore();
    expect(loadRemember(s)).toBe(false);
    afterOrder(s, draft, loadRemember(s));
    expect(loadBuyer(s)).toBeNull();
    expect(s.data.size).toBe(0);
  });

  it('are saved after an order with the box ticked, trimmed, and the box stays ticked', () => {
    const s = new MemoryStore();
    afterOrder(s, draft, true);
    expect(loadRemember(s)).toBe(true);
    expect(loadBuyer(s)).toEqual({ ...draft, name: '김민지' });
  });

  it('are forgotten after an order with the box off, and the choice is kept', () => {
    const s = new MemoryStore();
    afterOrder(s, draft, true);
    afterOrder(s, draft, false);
    expect(loadBuyer(s)).toBeNull();
    expect(loadRemember(s)).toBe(false);
    expect(s.data.has(KEYS.buyer)).toBe(false);
    afterOrder(s, draft, true);
    expect(loadRemember(s)).toBe(true);
  });

  it('are forgotten at once when the viewer unticks the box', () => {
    const s = new MemoryStore();
    afterOrder(s, draft, true);
    forgetBuyer(s);
    expect(s.data.has(KEYS.buyer)).toBe(false);
    expect(loadRemember(s)).toBe(false);
  });

  it('saved by an older page without asking are removed, not filled in', () => {
    for (const old of [null, '0']) {
      const s = new MemoryStore();
      s.setItem(KEYS.buyer, JSON.stringify({ v: 1, ...draft }));
      if (old !== null) s.setItem(KEYS.remember, old);
      expect(loadBuyer(s)).toBeNull();
      expect(s.data.has(KEYS.buyer)).toBe(false);
    }
  });

  it('can be cleared', () => {
    const s = new MemoryStore();
    afterOrder(s, draft, true);
    clearBuyer(s);
    expect(loadBuyer(s)).toBeNull();
    expect(s.data.has(KEYS.buyer)).toBe(false);
  });

  it('survive junk, old formats and oversized fields without breaking the form', () => {
    const s = new MemoryStore();
    s.setItem(KEYS.remember, '1');
    s.setItem(KEYS.buyer, '{not json');
    expect(loadBuyer(s)).toBeNull();
    s.setItem(KEYS.buyer, JSON.stringify({ v: 0, name: 'x' }));
    expect(loadBuyer(s)).toBeNull();
    s.setItem(KEYS.buyer, JSON.stringify({ v: 1, name: 'x'.repeat(500), phone: 5, postcode: '06236', line1: 'a', line2: 'b', note: 'c' }));
    expect(loadBuyer(s)).toEqual({ ...EMPTY_BUYER, postcode: '06236', line1: 'a', line2: 'b', note: 'c' });
  });

  it('do not throw when storage is off or full', () => {
    const s = new BrokenStore();
    expect(() => afterOrder(s, draft, true)).not.toThrow();
    expect(loadBuyer(s)).toBeNull();
    expect(loadRemember(s)).toBe(false);
    expect(loadBuyer(null)).toBeNull();
  });
});

describe('nickname and choices on this device', () => {
  it('keeps a valid nickname and remembers that it was offered', () => {
    const s = new MemoryStore();
    expect(nicknameAsked(s)).toBe(false);
    saveNickname(s, '라이브팬');
    expect(loadNickname(s)).toBe('라이브팬');
    expect(nicknameAsked(s)).toBe(true);
    s.setItem(KEYS.nickname, 'x'.repeat(50));
    expect(loadNickname(s)).toBeNull();
  });

  it('remembers quiz answers and poll votes per show, newest kept', () => {
    const s = new MemoryStore();
    saveTaken(s, 'tok', 'quiz', 'q1', 2);
    saveTaken(s, 'tok', 'poll', 'p1', 0);
    saveTaken(s, 'tok', 'coupon', 'c10', 0);
    expect(loadTaken(s, 'tok')).toEqual({ quiz: { q1: 2 }, poll: { p1: 0 }, coupon: { c10: 0 } });
    expect(loadTaken(s, 'other')).toEqual({ quiz: {}, poll: {}, coupon: {} });
    // Written before coupons were remembered: still read.
    s.setItem(KEYS.taken('old'), JSON.stringify({ quiz: { q9: 1 }, poll: {} }));
    expect(loadTaken(s, 'old')).toEqual({ quiz: { q9: 1 }, poll: {}, coupon: {} });
    for (let i = 0; i < 60; i++) saveTaken(s, 'tok', 'quiz', `q${i + 10}`, 1);
    const quiz = loadTaken(s, 'tok').quiz;
    expect(Object.keys(quiz)).toHaveLength(50);
    expect(quiz.q69).toBe(1);
    expect(quiz.q1).toBeUndefined();
  });
});
