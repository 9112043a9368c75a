/**
 * Test fixture for the LiveShows unit tests: a fresh relay database in a temp folder, its ShowStore,
 * and LiveShows over a stand-in for the Janus media engine (the real one is exercised by the
 * integration and e2e tests). Each test file passes the engine methods its case needs.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openRelayDb, type Db } from '../db/database.js';
import type { MediaEngine } from '../janus/media-engine.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { LiveShows } from './live-shows.js';

/** A minimal WHIP offer that passes the relay's SDP check. */
export const WHIP_OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=ice-ufrag:abcd', 'a=ice-pwd:abcdabcdabcdabcdabcdabcd',
  `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`, 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=rtcp-mux', 'a=rtpmap:96 VP8/90000', '',
].join('\r\n');

/** What a publish with the stand-in engine answers: a new handle id each time (`detach` is reported to `onDetach`). */
export function publishingEngine(onDetach: (handle: number) => void = () => undefined) {
  let handles = 0;
  return {
    state: 'up',
    createRoom: async () => 7,
    publish: async () => {
      const id = ++handles;
      return { handle: { id, detach: async () => onDetach(id) }, feed: 1, answerSdp: 'v=0 answer' };
    },
    onWebrtcUp: (_h: unknown, up: () => void) => up(),
    watchHandle: () => undefined,
    onMedia: () => undefined,
  };
}

/** Registers the clean-up and returns `setup(engineMethods)` (its `engine` emits the engine's `state`); call once at the top of a test file. */
export function liveShowsFixture(prefix: string) {
  let dir: string | null = null;
  let db: Db | null = null;
  afterEach(() => {
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    db = dir = null;
  });
  return (engineMethods: object) => {
    dir = mkdtempSync(path.join(os.tmpdir(), `lc-${prefix}-`));
    db = openRelayDb(dir);
    const store = new ShowStore(db);
    const engine = Object.assign(new EventEmitter(), engineMethods) as unknown as MediaEngine;
    return { store, engine, live: new LiveShows(engine, store, createLogger('error')) };
  };
}
