import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { MediaEngine } from '../janus/media-engine.js';
import type { LiveShows } from '../live/live-shows.js';
import type { StageService } from '../live/stage-service.js';
import { INPUT_BURST, MAX_REFUSED } from '../viewers/input-guard.js';
import { MAX_STUDIO_QUEUED_BYTES, StudioChannel } from './studio-channel.js';

/** A ws WebSocket as far as the channel uses it. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closed: number | null = null;
  terminated = false;
  send(text: string) {
    this.sent.push(text);
  }
  close(code: number) {
    this.closed = code;
    this.readyState = 2;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
}

function channel() {
  const live = Object.assign(new EventEmitter(), { liveShowIds: () => [], viewerCount: () => 0 });
  const engine = Object.assign(new EventEmitter(), { state: 'up' });
  return new StudioChannel(live as unknown as LiveShows, engine as unknown as MediaEngine, new EventEmitter() as unknown as StageService);
}

describe('StudioChannel', () => {
  it('cuts a studio socket that does not read instead of queueing for it without bound', () => {
    const c = channel();
    const reading = new FakeSocket();
    const stuck = new FakeSocket();
    c.add(reading as unknown as WebSocket);
    c.add(stuck as unknown as WebSocket);
    stuck.bufferedAmount = MAX_STUDIO_QUEUED_BYTES + 1;
    c.publish({ type: 'viewers', showId: 's', count: 1 });
    expect(stuck.terminated).toBe(true);
    expect(reading.terminated).toBe(false);
    expect(reading.sent.at(-1)).toContain('"viewers"');
  });

  it('closes a studio socket that floods it with messages (it only listens)', () => {
    const c = channel();
    const ws = new FakeSocket();
    c.add(ws as unknown as WebSocket);
    for (let i = 0; i < INPUT_BURST + MAX_REFUSED + 1; i++) ws.emit('message', Buffer.from('x'), false);
    expect(ws.closed).toBe(1008);
  });
});
