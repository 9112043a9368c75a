import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ViewerWorker } from './worker-connection.js';
import type { RelayToWorker } from './worker-protocol.js';

/** A worker as the relay sees it, over a child that only records what it is sent (the IPC itself is worker-pool.test.ts's). */
function worker() {
  const sent: RelayToWorker[] = [];
  const child = { connected: true, send: (m: RelayToWorker) => void sent.push(m) } as unknown as ChildProcess;
  return { w: new ViewerWorker(0, child), sent };
}

describe('a viewer worker as the relay sees it', () => {
  it('smooths the CPU time its chat passes report, per show, and forgets a show', () => {
    const { w, sent } = worker();
    const frame = Buffer.from('x');
    expect(w.chatPassCpuMs('s1')).toBe(0);
    w.broadcast('s1', frame, undefined, 'chat');
    w.acked(0, 10);
    expect(w.chatPassCpuMs('s1')).toBe(10);
    w.broadcast('s1', frame, undefined, 'chat');
    w.acked(1, 20);
    const second = w.chatPassCpuMs('s1');
    expect(second).toBeGreaterThan(10);
    expect(second).toBeLessThan(20);
    // A cue's ack says nothing about chat, and another show keeps its own figure.
    w.broadcast('s1', frame);
    w.acked(2, 500);
    expect(w.chatPassCpuMs('s1')).toBe(second);
    expect(w.chatPassCpuMs('s2')).toBe(0);
    w.forgetShow('s1');
    expect(w.chatPassCpuMs('s1')).toBe(0);
    expect(sent.filter((m) => m.k === 'broadcast')).toHaveLength(3);
    expect(w.backlog).toBe(0);
  });

  it('an ack for an unknown seq changes nothing', () => {
    const { w } = worker();
    w.broadcast('s1', Buffer.from('x'), undefined, 'chat');
    w.acked(7, 40);
    expect(w.chatPassCpuMs('s1')).toBe(0);
    expect(w.backlog).toBe(1);
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
});
