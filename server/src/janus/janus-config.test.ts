import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRelayConfig } from '../config.js';
import { carriesSecretsSafely, externalJanusAccess } from './janus-access.js';
import { usableSocketPath, writeJanusConfig } from './janus-config.js';

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const value = (text: string, key: string) => new RegExp(`${key} = "([^"]*)"`).exec(text)?.[1];

describe('managed Janus configuration', () => {
  it('puts the API on a Unix socket with a fresh api_secret and VideoRoom admin_key, in files only the relay user reads', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'jcfg-')), 'janus');
    const config = loadRelayConfig({ RELAY_JANUS_API_PORT: '18188' });
    const first = writeJanusConfig(config, dir);
    expect(first.access.url).toBe(`ws+unix://${path.join(dir, 'api.sock')}`);
    const ws = read(dir, 'janus.transport.websockets.jcfg');
    expect(value(ws, 'ws_unix')).toBe(path.join(dir, 'api.sock'));
    expect(ws).not.toMatch(/ws_port|ws_ip/);
    expect(value(read(dir, 'janus.jcfg'), 'api_secret')).toBe(first.access.apiSecret);
    const videoroom = read(dir, 'janus.plugin.videoroom.jcfg');
    expect(value(videoroom, 'admin_key')).toBe(first.access.adminKey);
    expect(videoroom).toMatch(/lock_rtp_forward = true/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['janus.jcfg', 'janus.plugin.videoroom.jcfg', 'janus.transport.websockets.jcfg']) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    // Fresh at every start, never one of the others.
    const second = writeJanusConfig(config, dir);
    const secrets = [first.access.apiSecret, first.access.adminKey, second.access.apiSecret, second.access.adminKey];
    expect(new Set(secrets).size).toBe(4);
    for (const s of secrets) expect(s).toMatch(/^[0-9a-f]{32}$/);
  });

  it('falls back to 127.0.0.1:janusApiPort, still with the api_secret, when the socket path cannot be a socket address', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'jcfg-')), 'x'.repeat(100), 'janus');
    const { access } = writeJanusConfig(loadRelayConfig({ RELAY_JANUS_API_PORT: '18188' }), dir);
    expect(access.url).toBe('ws://127.0.0.1:18188/');
    const ws = read(dir, 'janus.transport.websockets.jcfg');
    expect(value(ws, 'ws_ip')).toBe('127.0.0.1');
    expect(ws).not.toMatch(/ws_unix/);
    expect(value(read(dir, 'janus.jcfg'), 'api_secret')).toBe(access.apiSecret);
    expect(usableSocketPath('/var/lib/relay/janus/api.sock')).toBe(true);
    expect(usableSocketPath('/srv/a:b/janus/api.sock')).toBe(false);
  });
});

describe('outside Janus access', () => {
  it('takes its secrets from the configuration and warns about secrets in clear over a network', () => {
    expect(externalJanusAccess(loadRelayConfig({}))).toBeNull();
    const access = externalJanusAccess(loadRelayConfig({ RELAY_JANUS_URL: 'wss://janus.internal/', RELAY_JANUS_API_SECRET: 'a', RELAY_JANUS_TOKEN: 't', RELAY_JANUS_ADMIN_KEY: 'k' }));
    expect(access).toEqual({ url: 'wss://janus.internal/', apiSecret: 'a', token: 't', adminKey: 'k' });
    expect(carriesSecretsSafely('ws+unix:///run/janus/api.sock')).toBe(true);
    expect(carriesSecretsSafely('ws://127.0.0.1:8188/')).toBe(true);
    expect(carriesSecretsSafely('wss://janus.internal/')).toBe(true);
    expect(carriesSecretsSafely('ws://10.0.0.5:8188/')).toBe(false);
  });
});
