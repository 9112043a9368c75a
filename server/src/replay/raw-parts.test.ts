import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listRawParts } from './raw-parts.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An .mjr as Janus 1.1 writes it: magic, u16 BE header length, JSON info (packets after it do not matter here). */
function mjr(name: string, info: Record<string, unknown>): void {
  const json = Buffer.from(JSON.stringify(info));
  const len = Buffer.alloc(2);
  len.writeUInt16BE(json.length);
  writeFileSync(path.join(dir, name), Buffer.concat([Buffer.from('MJR00002'), len, json, Buffer.from('MEET')]));
}

describe('listRawParts', () => {
  it('one part per feed (tracks differ in their µs stamp), ordered by first video packet; empty or foreign files are no part', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'raw-parts-'));
    // Second publisher (reconnect) listed first by name, started later.
    mjr('videoroom-1-user-9-2000000000-video-0.mjr', { t: 'v', c: 'vp8', s: 2_000_000, u: 2_500_000 });
    mjr('videoroom-1-user-9-2000000300-audio-1.mjr', { t: 'a', c: 'opus', s: 2_000_300, u: 2_400_000 });
    mjr('videoroom-1-user-1-1000000000-video-0.mjr', { t: 'v', c: 'vp8', s: 1_000_000, u: 1_100_000 });
    mjr('videoroom-1-user-1-1000000200-audio-1.mjr', { t: 'a', c: 'opus', s: 1_000_200, u: 1_200_000 });
    // A publisher that left before any packet: Janus made the file, wrote nothing.
    mjr('videoroom-1-user-5-1500000000-video-0.mjr', { t: 'v', c: 'vp8', s: 1_500_000, u: 0 });
    writeFileSync(path.join(dir, 'videoroom-1-user-7-1600000000-video-0.mjr'), 'not janus');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const parts = await listRawParts(dir);
    expect(parts.map((p) => [path.basename(p.video!), p.audio && path.basename(p.audio), p.videoStartMs, p.audioStartMs])).toEqual([
      ['videoroom-1-user-1-1000000000-video-0.mjr', 'videoroom-1-user-1-1000000200-audio-1.mjr', 1100, 1200],
      ['videoroom-1-user-9-2000000000-video-0.mjr', 'videoroom-1-user-9-2000000300-audio-1.mjr', 2500, 2400],
    ]);
    expect(parts[0]!.videoCodec).toBe('vp8');
  });

  it('no directory (nothing recorded) is no parts', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'raw-parts-'));
    expect(await listRawParts(path.join(dir, 'missing'))).toEqual([]);
  });
});
