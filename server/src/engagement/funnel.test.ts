import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../../common/stage.js';
import { CommitQueue } from '../commerce/commit-queue.js';
import { openRelayDb } from '../db/database.js';
import type { StageService } from '../live/stage-service.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { FanoutActivity } from '../viewers/fanout-activity.js';
import { FunnelRecorder } from './funnel.js';
import type { ViewerPresence } from './viewer-presence.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const settle = () => new Promise((r) => setTimeout(r, 20));

/** A relay database with one show, a stage and a presence of `n` viewers (v0…), and the recorder over them. */
function setUp(n: number, fanout?: FanoutActivity) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-funnel-'));
  dirs.push(dir);
  const db = openRelayDb(dir);
  const show = new ShowStore(db).create('funnel', null);
  const stage = new EventEmitter() as unknown as StageService & EventEmitter;
  (stage as unknown as { get: () => Partial<Stage> }).get = () => ({ pinned: [] });
  const viewers = Array.from({ length: n }, (_, i) => `v${i}`);
  const presence = Object.assign(new EventEmitter(), { viewerIds: () => viewers }) as unknown as ViewerPresence & EventEmitter;
  const funnel = new FunnelRecorder(db, stage, presence, new CommitQueue(db), createLogger('error', {}, () => undefined), fanout);
  return { db, show, stage, presence, funnel };
}

describe('the funnel’s "saw" rows', () => {
  it('wait until no cue is being fanned out, then are all written', async () => {
    const fanout = new FanoutActivity();
    const { db, show, stage, funnel } = setUp(3000, fanout);
    const saw = () => (db.prepare("SELECT count(*) AS n FROM funnel_events WHERE kind = 'saw'").get() as { n: number }).n;
    try {
      const worker = {};
      fanout.mark(worker, true);
      stage.emit('stage', show.id, { pinned: [{ productId: 'p1' }] });
      await settle(); // the viewers are listed on the next turn
      const flushing = funnel.flush();
      await settle();
      expect(saw()).toBe(0);
      fanout.mark(worker, false);
      await flushing;
      expect(saw()).toBe(3000);
    } finally {
      funnel.stop();
      db.close();
    }
  });

  it('records a pin’s whole audience with the pin’s time, and each viewer who joins under it with theirs', async () => {
    const { db, show, stage, presence, funnel } = setUp(1234); // more than one chunk
    const rows = (productId: string) => db.prepare("SELECT viewer_id AS v, at FROM funnel_events WHERE kind = 'saw' AND product_id = ? ORDER BY viewer_id").all(productId) as { v: string; at: string }[];
    try {
      stage.emit('stage', show.id, { pinned: [{ productId: 'p1' }, { productId: 'p2' }] });
      await settle();
      for (let i = 0; i < 700; i++) presence.emit('joined', show.id, `late${i}`);
      presence.emit('joined', show.id, 'v0'); // already counted: stays once, with its first time
      await funnel.flush();
      for (const p of ['p1', 'p2']) {
        const saw = rows(p);
        expect(saw).toHaveLength(1234 + 700);
        expect(new Set(saw.map((r) => r.v)).size).toBe(saw.length);
        const pinAt = saw.find((r) => r.v === 'v0')!.at;
        expect(saw.filter((r) => r.v.startsWith('v')).every((r) => r.at === pinAt)).toBe(true);
        expect(saw.filter((r) => r.v.startsWith('late')).every((r) => r.at >= pinAt)).toBe(true);
      }
      expect(rows('p3')).toEqual([]);
    } finally {
      funnel.stop();
      db.close();
    }
  });

  it('keeps the counts per product and step in step with the rows, without counting them again', async () => {
    const { db, show, stage, presence, funnel } = setUp(800);
    const fromRows = () =>
      (db.prepare('SELECT product_id AS id, kind, COUNT(*) AS n FROM funnel_events WHERE show_id = ? GROUP BY product_id, kind ORDER BY id, kind').all(show.id) as { id: string; kind: string; n: number }[]);
    const sorted = (c: { id: string; kind: string; n: number }[]) => [...c].sort((a, b) => a.id.localeCompare(b.id) || a.kind.localeCompare(b.kind));
    try {
      await funnel.record(show.id, 'v1', 'card_open', 'p1'); // before anything is counted: read from the rows later
      expect(funnel.counts(show.id)).toEqual([{ id: 'p1', kind: 'card_open', n: 1 }]);
      stage.emit('stage', show.id, { pinned: [{ productId: 'p1' }] });
      await settle();
      presence.emit('joined', show.id, 'late');
      presence.emit('joined', show.id, 'v3'); // already among the pin's audience
      await funnel.flush();
      await funnel.record(show.id, 'v1', 'card_open', 'p1'); // again: no new row, no new count
      await funnel.record(show.id, 'v2', 'card_open', 'p1');
      await funnel.record(show.id, 'v2', 'checkout_start', 'p2');
      stage.emit('stage', show.id, { pinned: [{ productId: 'p1' }] }); // still pinned: nothing new
      await settle();
      await funnel.flush();
      expect(sorted(funnel.counts(show.id))).toEqual(fromRows());
      expect(sorted(funnel.counts(show.id))).toEqual([
        { id: 'p1', kind: 'card_open', n: 2 },
        { id: 'p1', kind: 'saw', n: 801 },
        { id: 'p2', kind: 'checkout_start', n: 1 },
      ]);
      // What a caller does with the answer does not change the counts.
      funnel.counts(show.id)[0]!.n = 99;
      expect(sorted(funnel.counts(show.id))).toEqual(fromRows());
    } finally {
      funnel.stop();
      db.close();
    }
  });
});
