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

describe('the funnel’s "saw" rows', () => {
  it('wait until no cue is being fanned out, then are all written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-funnel-'));
    dirs.push(dir);
    const db = openRelayDb(dir);
    const show = new ShowStore(db).create('funnel', null);
    const stage = new EventEmitter() as unknown as StageService & EventEmitter;
    (stage as unknown as { get: () => Partial<Stage> }).get = () => ({ pinned: [] });
    const viewers = Array.from({ length: 3000 }, (_, i) => `v${i}`);
    const presence = Object.assign(new EventEmitter(), { viewerIds: () => viewers }) as unknown as ViewerPresence;
    const fanout = new FanoutActivity();
    const funnel = new FunnelRecorder(db, stage, presence, new CommitQueue(db), createLogger('error', {}, () => undefined), fanout);
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
});
