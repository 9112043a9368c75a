import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from '../db/database.js';
import { ChatStore } from './chat-store.js';

const HOUR = 3_600_000;

describe('chat sanctions', () => {
  it('are found for the sanctioned only, by every store on the database, until lifted; a ban holds its network', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatstore-'));
    const db = openRelayDb(dir);
    const [a, b] = [new ChatStore(db), new ChatStore(db)];
    const now = Date.parse('2026-12-06T12:00:00Z');
    // Read once before any sanction, so what the stores remember must follow the writes.
    expect(a.sanctions('v-bad', 'sh1', now)).toEqual([]);
    expect(b.networkBannedSince('n1', now, HOUR)).toBeNull();

    a.addSanction('v-bad', 'n1', 'ban', null, null, 'host', now);
    a.addSanction('v-loud', 'n2', 'timeout', 'sh1', now + 60_000, 'host', now);
    expect(b.sanctions('v-bad', 'sh1', now + 1)).toEqual([{ kind: 'ban', until: null }]);
    expect(b.sanctions('v-loud', 'sh1', now + 1)).toEqual([{ kind: 'timeout', until: now + 60_000 }]);
    expect(b.sanctions('v-loud', 'sh1', now + 60_001)).toEqual([]); // expired
    expect(b.sanctions('v-loud', 'sh2', now + 1)).toEqual([]); // another show
    expect(b.sanctions('v-fine', 'sh1', now + 1)).toEqual([]);
    expect(b.networkBannedSince('n1', now + 1, HOUR)).toBe(now);
    expect(b.networkBannedSince('n2', now + 1, HOUR)).toBeNull(); // a timeout holds no network
    expect(b.networkBannedSince('n1', now + HOUR + 1, HOUR)).toBeNull(); // bounded in time

    expect(b.lift('v-bad', now + 2)).toBe(1);
    expect(a.sanctions('v-bad', 'sh1', now + 3)).toEqual([]);
    expect(a.networkBannedSince('n1', now + 3, HOUR)).toBeNull();
    expect(a.sanctions('v-loud', 'sh1', now + 3)).toHaveLength(1);

    // A reopened database reads its sanctions from the file.
    db.close();
    const again = new ChatStore(openRelayDb(dir));
    expect(again.sanctions('v-loud', 'sh1', now + 3)).toEqual([{ kind: 'timeout', until: now + 60_000 }]);
    expect(again.sanctions('v-bad', 'sh1', now + 3)).toEqual([]);
  });
});
