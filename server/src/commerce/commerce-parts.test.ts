import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRelayDb } from '../db/database.js';
import { CommitQueue } from './commit-queue.js';
import { dayStamp, OrderNumbers } from './order-number.js';
import { csvCell } from './orders-csv.js';
import { RateLimiter } from './rate-limiter.js';
import { canonicalJson, phoneHash, requestHash } from './request-hash.js';
import { Throttle } from './throttle.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('Throttle', () => {
  it('sends the first change at once, merges the rest into one send per interval, and sends urgent ones now', () => {
    vi.useFakeTimers();
    const sent: number[][] = [];
    const t = new Throttle<number[]>(250, (p, n) => [...(p ?? []), ...n], (_k, b) => sent.push(b));
    t.push('s', [1]);
    t.push('s', [2]);
    t.push('s', [3]);
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(250);
    expect(sent).toEqual([[1], [2, 3]]);
    t.push('s', [4]);
    t.push('s', [0], true);
    expect(sent).toEqual([[1], [2, 3], [4, 0]]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
    t.stop();
  });
});

describe('CSV cells', () => {
  it('quotes every cell, doubles quotes and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    for (const f of ['=1+1', '+1', '-1', '@A1', '\tx']) expect(csvCell(f)).toBe(`"'${f}"`);
    expect(csvCell(-3)).toBe('"-3"');
  });
});

describe('request hash', () => {
  it('does not depend on key order, and does on content', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(phoneHash('+82 10-1234-5678')).toBe(phoneHash('010 1234 5678'));
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate', () => {
    const l = new RateLimiter(10, 20);
    const t0 = 1_000_000;
    const first = Array.from({ length: 25 }, () => l.take('v', t0));
    expect(first.filter(Boolean)).toHaveLength(20);
    expect(l.take('v', t0 + 100)).toBe(true); // one token back after 100 ms
    expect(l.take('v', t0 + 100)).toBe(false);
    expect(l.take('other', t0)).toBe(true);
    l.stop();
  });
});

describe('order numbers and group commit', () => {
  it('numbers per day from the stored maximum, and commits a batch with per-job rollback', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-numbers-'));
    const db = openRelayDb(dir);
    try {
      const at = new Date(2026, 10, 22, 12);
      expect(dayStamp(at)).toBe('261122');
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'x')").run();
      db.prepare("INSERT INTO viewers (id, created_at) VALUES ('v', 'x')").run();
      const insert = (id: string, number: string) =>
        db
          .prepare("INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, quantity, currency, total, discount, quote, payment, status, created_at, updated_at) VALUES (?, ?, 's', 'v', ?, 'h', 'p', 1, 'KRW', 1, 0, '{}', 'card', 'paid', 'x', 'x')")
          .run(id, number, id);
      insert('o1', 'LC-261122-0041');
      insert('o2', 'LC-261121-0099');
      const numbers = new OrderNumbers(db);
      expect(numbers.next(false, at)).toBe('LC-261122-0042');
      expect(numbers.next(false, at)).toBe('LC-261122-0043');
      expect(numbers.next(true, at)).toBe('R-261122-0001');
      const q = new CommitQueue(db);
      const results = await Promise.allSettled([
        q.run(() => insert('o3', 'A')),
        q.run(() => {
          insert('o4', 'B');
          throw new Error('refused');
        }),
        q.run(() => insert('o5', 'C')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((db.prepare("SELECT group_concat(id) AS ids FROM (SELECT id FROM orders WHERE id IN ('o3','o4','o5') ORDER BY id)").get() as { ids: string }).ids).toBe('o3,o5');
      expect(q.stats).toMatchObject({ batches: 1, jobs: 3, largest: 3 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
