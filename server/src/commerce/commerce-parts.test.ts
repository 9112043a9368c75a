import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRelayDb } from '../db/database.js';
import { CommitQueue } from './commit-queue.js';
import { dayStamp, OrderNumbers } from './order-number.js';
import { csvCell } from './orders-csv.js';
import { RateLimiter } from './rate-limiter.js';
import type { IncomingMessage } from 'node:http';
import { EMPTY_STAGE } from '../../../common/stage.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { Commerce } from './commerce.js';
import { clientAddress, Identity, identitySecret, networkOf, normaliseAddress, trustedProxiesFrom } from './identity.js';
import { canonicalJson, requestHash } from './request-hash.js';
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
  });
});

describe('identity', () => {
  const a = new Identity(Buffer.alloc(32, 1));
  const b = new Identity(Buffer.alloc(32, 2));

  it('knows the device ids it issued, and no id it did not (made up, altered, or another relay’s)', () => {
    const id = a.issue();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(a.issued(id)).toBe(true);
    expect(a.issued(a.issue())).toBe(true);
    expect(b.issued(id)).toBe(false);
    expect(a.issued(id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(a.issued('viewer_000000000000')).toBe(false);
    expect(a.issued('v1' + 'A'.repeat(36))).toBe(false);
    // Checked ids are remembered, and still only the exact id: the altered one is refused again after it.
    expect(a.issued(id)).toBe(true);
    expect(a.issued(id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'))).toBe(false);
  });

  it('takes one spelling of an id only: the same MAC in base64’s other alphabet is another, refused id (no second device from one, as around a ban)', () => {
    const macPart = (id: string) => id.slice(-16);
    let id = a.issue();
    for (let i = 0; i < 500 && !/[-_]/.test(macPart(id)); i++) id = a.issue();
    expect(macPart(id)).toMatch(/[-_]/);
    const respelled = id.slice(0, -16) + macPart(id).replace(/-/g, '+').replace(/_/g, '/');
    expect(a.issued(respelled)).toBe(false);
    expect(a.issued(id)).toBe(true);
    expect(a.issued(respelled)).toBe(false);
  });

  it('hashes phones with the relay’s key: one phone however typed, and not the unkeyed SHA-256 of it', () => {
    expect(a.phoneHash('+82 10-1234-5678')).toBe(a.phoneHash('010 1234 5678'));
    expect(a.phoneHash('010-1234-5678')).not.toBe(b.phoneHash('010-1234-5678'));
    expect(a.phoneHash('010-1234-5678')).not.toBe(a.phoneHash('010-1234-5679'));
    expect(a.phoneHash('010-1234-5678')).toMatch(/^k1:[0-9a-f]{64}$/);
  });

  it('matches one delivery address however it is spaced or abbreviated, but not another unit', () => {
    const addr = (line1: string, line2: string) => ({ postcode: '06236', line1, line2 });
    expect(normaliseAddress(addr('서울특별시 강남구 테헤란로 427', '10층'))).toBe(normaliseAddress(addr('서울 강남구 테헤란로427', ' 10 층')));
    expect(a.addressHash(addr('서울특별시 강남구 테헤란로 427', '10층'))).not.toBe(a.addressHash(addr('서울특별시 강남구 테헤란로 427', '11층')));
  });

  it('takes the socket’s peer address, and X-Forwarded-For only from a proxy the operator named (its last entry)', () => {
    const req = (peer: string, xff?: string) => ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;
    const none = trustedProxiesFrom(undefined);
    const proxy = trustedProxiesFrom('127.0.0.1, ::1, not-an-ip');
    expect([...proxy]).toEqual(['127.0.0.1', '::1']);
    expect(clientAddress(req('203.0.113.9', '198.51.100.1'), none)).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', '1.2.3.4, 198.51.100.7'), proxy)).toBe('198.51.100.7');
    expect(clientAddress(req('127.0.0.1', 'garbage'), proxy)).toBe('127.0.0.1');
    expect(clientAddress(req('203.0.113.9', '198.51.100.1'), proxy)).toBe('203.0.113.9');
  });

  it('re-keys phone hashes stored before they were keyed, from the buyer details still kept', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-rehash-'));
    const db = openRelayDb(dir);
    try {
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'x')").run();
      db.prepare("INSERT INTO viewers (id, created_at) VALUES ('v', 'x')").run();
      const buyer = JSON.stringify({ name: '김', phone: '010-1234-5678', address: { postcode: '06236', line1: '서울', line2: '' }, note: '' });
      const insert = db.prepare("INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, quantity, currency, total, discount, quote, payment, status, buyer, phone_hash, created_at, updated_at) VALUES (?, ?, 's', 'v', ?, 'h', 'p', 1, 'KRW', 1, 0, '{}', 'card', 'paid', ?, ?, 'x', 'x')");
      insert.run('o1', 'N1', 'k1', buyer, 'unkeyed-sha256');
      insert.run('o2', 'N2', 'k2', null, null);
      const commerce = new Commerce({ db, shows: new ShowStore(db), broadcast: () => undefined, stageOf: () => EMPTY_STAGE, log: createLogger('error') });
      commerce.stop();
      const identity = new Identity(identitySecret(db).secret);
      expect(db.prepare('SELECT id, phone_hash AS p, address_hash AS a FROM orders ORDER BY id').all()).toEqual([
        { id: 'o1', p: identity.phoneHash('010-1234-5678'), a: identity.addressHash({ postcode: '06236', line1: '서울', line2: '' }) },
        { id: 'o2', p: null, a: null },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('groups IPv6 by /64 and IPv4-mapped addresses with IPv4', () => {
    expect(networkOf('::ffff:127.0.0.5')).toBe('127.0.0.5');
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(networkOf('2001:db8:1:2::1')).not.toBe(networkOf('2001:db8:1:3::1'));
    expect(networkOf('not an address')).toBe('unknown');
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

describe('CommitQueue linger', () => {
  it('lets answers wait briefly for company: a lingering job joins the next immediate batch, or commits alone after LINGER_MS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-linger-'));
    const db = openRelayDb(dir);
    try {
      const q = new CommitQueue(db);
      const lingering = [q.run(() => 1, true), q.run(() => 2, true)];
      await new Promise((r) => setImmediate(r));
      expect(q.stats.batches).toBe(0); // nothing committed yet: they wait for company
      await Promise.all([...lingering, q.run(() => 3)]);
      expect(q.stats).toMatchObject({ batches: 1, jobs: 3 });
      expect(await q.run(() => 4, true)).toBe(4); // alone: committed once its linger ran out
      expect(q.stats).toMatchObject({ batches: 2, jobs: 4 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CommitQueue while requests wait for their turn', () => {
  it('holds its batch while requests are queued, so jobs from later turns share one transaction, and commits once none wait', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-hold-'));
    const db = openRelayDb(dir);
    try {
      let waiting = 3; // requests queued for their turn
      // No cap on the hold: on a loaded machine three turns can outlast HOLD_WHILE_BUSY_MS (the next test covers the cap).
      const q = new CommitQueue(db, () => waiting > 0, Number.POSITIVE_INFINITY);
      const done: number[] = [];
      const jobs = [q.run(() => 1)];
      for (let turn = 2; turn <= 3; turn++) {
        await new Promise((r) => setImmediate(r));
        waiting--;
        jobs.push(q.run(() => turn));
      }
      for (const j of jobs) void j.then((v) => done.push(v));
      await new Promise((r) => setImmediate(r));
      expect(q.stats.batches).toBe(0); // still one request waiting: the batch holds
      expect(done).toEqual([]); // and nothing is acknowledged before its commit
      waiting = 0;
      expect(await Promise.all(jobs)).toEqual([1, 2, 3]);
      expect(q.stats).toMatchObject({ batches: 1, jobs: 3, largest: 3 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not hold a batch forever when requests keep coming', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-hold-'));
    const db = openRelayDb(dir);
    try {
      const q = new CommitQueue(db, () => true); // always busy
      expect(await q.run(() => 'stored')).toBe('stored');
      expect(q.stats).toMatchObject({ batches: 1, jobs: 1 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('order numbers and group commit', () => {
  it('numbers by day with a random part that does not count sales, drawing again when taken, and commits a batch with per-job rollback', async () => {
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
      insert('o0', 'LC-261122-000041');
      const draws = [41, 7, 41, 500_000];
      const numbers = new OrderNumbers(db, () => draws.shift()!);
      expect(numbers.next(false, at)).toBe('LC-261122-000007'); // 41 is taken that day: drawn again
      expect(numbers.next(true, at)).toBe('R-261122-000041'); // a rehearsal has its own numbers
      expect(numbers.next(false, at)).toBe('LC-261122-500000');
      const real = new OrderNumbers(db);
      const many = new Set(Array.from({ length: 50 }, () => real.next(false, at)));
      expect([...many].every((n) => /^LC-261122-[0-9]{6}$/.test(n))).toBe(true);
      expect(many.size).toBeGreaterThan(45); // random, not a counter: 50 draws are (almost) all distinct and not in a row
      const sorted = [...many].map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
      expect(sorted[sorted.length - 1]! - sorted[0]!).toBeGreaterThan(1000);
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
