import { describe, expect, it } from 'vitest';
import { MAX_RESTOCK_REQUESTS_PER_DEVICE } from '../../../common/commerce/live-selling.js';
import { KEYS, type KeyValueStore } from './local-store.js';
import { loadRestockAsked, MAX_REMEMBERED_SHOWS, saveRestockAsked } from './restock-memory.js';

/** localStorage as a Map (what another script or an old page may have left in it is set by hand). */
function mapStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const planted = (doc: unknown) => {
  const s = mapStore();
  s.setItem(KEYS.restockAsked, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return s;
};

describe('restock requests remembered on this device', () => {
  it('come back per show after a reload, and an empty list forgets the show', () => {
    const s = mapStore();
    saveRestockAsked(s, 'tokA', ['coat/black-l', 'tee/']);
    saveRestockAsked(s, 'tokB', ['hat/']);
    expect(loadRestockAsked(s, 'tokA')).toEqual(['coat/black-l', 'tee/']);
    expect(loadRestockAsked(s, 'tokB')).toEqual(['hat/']);
    expect(loadRestockAsked(s, 'tokC')).toEqual([]);
    saveRestockAsked(s, 'tokA', []);
    expect(loadRestockAsked(s, 'tokA')).toEqual([]);
    saveRestockAsked(s, 'tokB', []);
    expect(s.data.has(KEYS.restockAsked)).toBe(false);
  });

  it('are bounded: the newest shows only, and no more lines per show than the relay keeps', () => {
    const s = mapStore();
    for (let i = 0; i <= MAX_REMEMBERED_SHOWS; i++) saveRestockAsked(s, `show${i}`, [`p${i}/`]);
    expect(loadRestockAsked(s, 'show0')).toEqual([]); // the oldest went
    expect(loadRestockAsked(s, `show${MAX_REMEMBERED_SHOWS}`)).toEqual([`p${MAX_REMEMBERED_SHOWS}/`]);
    const many = Array.from({ length: MAX_RESTOCK_REQUESTS_PER_DEVICE + 5 }, (_, i) => `p${i}/o`);
    saveRestockAsked(s, 'show1', [...many, many[0]!]);
    expect(loadRestockAsked(s, 'show1')).toEqual(many.slice(0, MAX_RESTOCK_REQUESTS_PER_DEVICE));
    expect(s.data.get(KEYS.restockAsked)!.length).toBeLessThan(4_000);
  });

  it('treat what is stored as hostile: garbage reads as nothing, bad entries are skipped, nothing throws', () => {
    const hostile: unknown[] = [
      'not json {',
      '"a string"',
      'null',
      [],
      { v: 2, shows: [{ show: 'tok', lines: ['coat/'] }] },
      { v: 1, shows: 'tok' },
      { v: 1, shows: Array.from({ length: 100 }, () => ({ show: 'tok', lines: ['coat/'] })) },
      `{"v":1,"shows":[{"show":"tok","lines":["${'x'.repeat(20_000)}"]}]}`,
    ];
    for (const doc of hostile) expect(loadRestockAsked(planted(doc), 'tok')).toEqual([]);

    const mixed = planted({
      v: 1,
      shows: [
        { show: 'tok', lines: ['coat/black-l', '<img src=x onerror=alert(1)>/', 'a/b/c', 42, null, { productId: 'x' }, '/', 'tee/', 'coat/black-l', `${'p'.repeat(41)}/`] },
        { show: 'tok', lines: ['second/'] }, // a second entry for the same show is not read
        { show: 42, lines: ['x/'] },
        { show: 'other', lines: 'x/' },
        { __proto__: { show: 'tok' }, lines: ['y/'] },
      ],
    });
    expect(loadRestockAsked(mixed, 'tok')).toEqual(['coat/black-l', 'tee/']);
    expect(loadRestockAsked(mixed, 'other')).toEqual([]);
    // Saving over a hostile value writes a clean one.
    saveRestockAsked(mixed, 'tok2', ['hat/']);
    expect(JSON.parse(mixed.data.get(KEYS.restockAsked)!)).toEqual({ v: 1, shows: [{ show: 'tok2', lines: ['hat/'] }, { show: 'tok', lines: ['coat/black-l', 'tee/'] }] });
  });

  it('never throws when storage is off or full', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => saveRestockAsked(broken, 'tok', ['coat/'])).not.toThrow();
    expect(loadRestockAsked(broken, 'tok')).toEqual([]);
    expect(loadRestockAsked(null, 'tok')).toEqual([]);
  });
});
