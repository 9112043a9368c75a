import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAlive, startHeartbeat } from './heartbeat.js';

class FakeSocket extends EventEmitter {
  pings = 0;
  terminated = false;
  ping(): void {
    this.pings++;
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.useRealTimers());

describe('heartbeat', () => {
  it('pings every socket once per period, a slice at a time, and cuts one that stopped answering', () => {
    vi.useFakeTimers();
    const sockets = Array.from({ length: 100 }, () => keepAlive(new FakeSocket()));
    const timer = startHeartbeat(1000, () => sockets);
    vi.advanceTimersByTime(100);
    const first = sockets.filter((s) => s.pings === 1).length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(100);
    vi.advanceTimersByTime(900);
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
    // All answer but the first one; one period later only it is cut.
    sockets.slice(1).forEach((s) => s.emit('pong'));
    vi.advanceTimersByTime(1000);
    expect(sockets[0]!.terminated).toBe(true);
    expect(sockets.slice(1).some((s) => s.terminated)).toBe(false);
    expect(sockets.slice(1).every((s) => s.pings === 2)).toBe(true);
    clearInterval(timer);
  });
});
