import { describe, expect, it } from 'vitest';
import { ipcChannels } from './ipc-contract.js';
import { ObsAction } from './obs.js';
import { Cue, Segment } from './rundown.js';

describe('OBS channels refuse bad input', () => {
  const connect = ipcChannels['obs.connect'].request;
  it('address, port and password', () => {
    expect(connect.safeParse({ host: '127.0.0.1', port: 4455, password: 'secret' }).success).toBe(true);
    expect(connect.safeParse({ host: 'obs-pc.local', port: 4455 }).success).toBe(true);
    expect(connect.safeParse({ host: '', port: 4455 }).success).toBe(false);
    expect(connect.safeParse({ host: 'ws://127.0.0.1', port: 4455 }).success).toBe(false);
    expect(connect.safeParse({ host: '127.0.0.1', port: 0 }).success).toBe(false);
    expect(connect.safeParse({ host: '127.0.0.1', port: 70000 }).success).toBe(false);
    expect(connect.safeParse({ host: '127.0.0.1', port: 4455.5 }).success).toBe(false);
    expect(connect.safeParse({ host: '127.0.0.1', port: 4455, password: 'x'.repeat(257) }).success).toBe(false);
    expect(connect.safeParse({ host: '127.0.0.1', port: 4455, extra: 1 }).success).toBe(false);
  });
  it('thumbnails for at most 12 scenes, names not empty', () => {
    const watch = ipcChannels['obs.thumbnails.watch'].request;
    expect(watch.safeParse({ sceneNames: Array.from({ length: 12 }, (_, i) => `s${i}`) }).success).toBe(true);
    expect(watch.safeParse({ sceneNames: Array.from({ length: 13 }, (_, i) => `s${i}`) }).success).toBe(false);
    expect(ipcChannels['obs.switchScene'].request.safeParse({ sceneName: '  ' }).success).toBe(false);
  });
  it('run-down OBS actions: known kinds with their names; older cues and segments read with none', () => {
    expect(ObsAction.safeParse({ kind: 'switchScene', sceneName: '상품' }).success).toBe(true);
    expect(ObsAction.safeParse({ kind: 'setItemVisible', sceneName: '상품', sourceName: '로고', visible: true }).success).toBe(true);
    expect(ObsAction.safeParse({ kind: 'setItemVisible', sceneName: '상품', visible: true }).success).toBe(false);
    expect(ObsAction.safeParse({ kind: 'startRecording' }).success).toBe(false);
    expect(Cue.parse({ id: 'c1', action: { kind: 'close', target: 'cards' }, trigger: { type: 'manual' } }).obsActions).toEqual([]);
    expect(Segment.parse({ id: 's1', title: 'x', plannedSec: 60 }).obsActions).toEqual([]);
    expect(Segment.safeParse({ id: 's1', title: 'x', plannedSec: 60, obsActions: Array(11).fill({ kind: 'switchScene', sceneName: 'a' }) }).success).toBe(false);
  });
});
