import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FanoutActivity } from './fanout-activity.js';
import { ViewerWorker } from './worker-connection.js';
import type { RelayToWorker } from './worker-protocol.js';

/** A worker as the relay sees it, over a child that only records what it is sent (the IPC itself is worker-pool.test.ts's). */
function worker() {
  const sent: RelayToWorker[] = [];
  const child = { connected: true, send: (m: RelayToWorker) => void sent.push(m) } as unknown as ChildProcess;
  return { w: new ViewerWorker(0, child), sent };
}

describe('a viewer worker as the relay sees it', () => {
  it('an ack for an unknown seq changes nothing', () => {
    const { w, sent } = worker();
    w.broadcast('s1', Buffer.from('x'), undefined, 'chat');
    expect(sent).toMatchObject([{ k: 'broadcast', seq: 0, show: 's1', lane: 'chat' }]);
    w.acked(7);
    expect(w.backlog).toBe(1);
    w.acked(0);
    expect(w.backlog).toBe(0);
  });

  it('counts a broadcast written only by its own ack: a later one written first leaves it owed', () => {
    const { w } = worker();
    w.broadcast('s1', Buffer.from('a long pass'));
    w.broadcast('s2', Buffer.from('a short one'));
    w.acked(1);
    expect(w.backlog).toBe(1);
    w.acked(0);
    expect(w.backlog).toBe(0);
  });

  it('makes background work wait for a cue it owes, not for chat', () => {
    const sent: RelayToWorker[] = [];
    const child = { connected: true, send: (m: RelayToWorker) => void sent.push(m) } as unknown as ChildProcess;
    const activity = new FanoutActivity();
    const w = new ViewerWorker(0, child, activity);
    w.broadcast('s1', Buffer.from('chat'), undefined, 'chat');
    expect(activity.quiet).toBe(true);
    w.broadcast('s1', Buffer.from('cue'));
    expect(activity.quiet).toBe(false);
    w.acked(1);
    expect(activity.quiet).toBe(true);
    expect(w.backlog).toBe(1);
    expect(sent).toHaveLength(2);
  });
});
