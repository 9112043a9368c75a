import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadRelayConfig, publicBaseUrl } from './config.js';

describe('relay configuration', () => {
  it('has defaults that work on one machine', () => {
    const c = loadRelayConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.janusUrl).toBeUndefined();
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(publicBaseUrl(c, 8080)).toBe('http://127.0.0.1:8080');
    expect(c.viewerWorkers).toBe(os.availableParallelism() >= 2 ? 2 : 0);
  });

  it('takes the number of viewer workers from the file or the environment, 0 meaning in-process', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'relay.json');
    writeFileSync(file, JSON.stringify({ viewerWorkers: 3 }));
    expect(loadRelayConfig({ RELAY_CONFIG: file }).viewerWorkers).toBe(3);
    expect(loadRelayConfig({ RELAY_CONFIG: file, RELAY_VIEWER_WORKERS: '0' }).viewerWorkers).toBe(0);
    expect(() => loadRelayConfig({ RELAY_VIEWER_WORKERS: '-1' })).toThrow(/viewerWorkers/);
    expect(() => loadRelayConfig({ RELAY_VIEWER_WORKERS: 'many' })).toThrow(ConfigError);
  });

  it('takes the SRT ports as a range, any free port or off, and refuses anything else', () => {
    expect(loadRelayConfig({}).srtPorts).toEqual({ from: 9000, to: 9049 });
    expect(loadRelayConfig({ RELAY_SRT_PORTS: '7000-7001' }).srtPorts).toEqual({ from: 7000, to: 7001 });
    expect(loadRelayConfig({ RELAY_SRT_PORTS: '0' }).srtPorts).toBe('any');
    expect(loadRelayConfig({ RELAY_SRT_PORTS: 'off' }).srtPorts).toBeNull();
    for (const bad of ['9001-9000', '0-10', '70000-70001', '9000', 'all', '9000-9049;rm -rf /']) expect(() => loadRelayConfig({ RELAY_SRT_PORTS: bad })).toThrow(ConfigError);
  });

  it('layers the file under the environment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'relay.json');
    writeFileSync(file, JSON.stringify({ port: 9000, publicUrl: 'https://live.example.com/', rtpPorts: '30000-30100' }));
    const c = loadRelayConfig({ RELAY_CONFIG: file, RELAY_PORT: '9100' });
    expect(c.port).toBe(9100);
    expect(c.rtpPorts).toBe('30000-30100');
    expect(publicBaseUrl(c, 9100)).toBe('https://live.example.com');
  });

  it('explains what is wrong', () => {
    expect(() => loadRelayConfig({ RELAY_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadRelayConfig({ RELAY_PORT: '70000' })).toThrow(/port/);
    expect(() => loadRelayConfig({ RELAY_JANUS_URL: 'http://x' })).toThrow(/janusUrl/);
    expect(() => loadRelayConfig({ RELAY_JANUS_URL: 'unix:///run/janus.sock' })).toThrow(/janusUrl/);
    expect(() => loadRelayConfig({ RELAY_SECRET: 'short' })).toThrow(/secret/);
    expect(() => loadRelayConfig({ RELAY_CONFIG: '/nonexistent/relay.json' })).toThrow(/does not exist/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(() => loadRelayConfig({ RELAY_CONFIG: path.join(dir, 'bad.json') })).toThrow(/not valid JSON/);
  });

  it('takes an outside Janus with its secrets, on a WebSocket or a Unix socket', () => {
    const c = loadRelayConfig({ RELAY_JANUS_URL: 'ws+unix:///run/janus/api.sock', RELAY_JANUS_API_SECRET: 's', RELAY_JANUS_TOKEN: 't', RELAY_JANUS_ADMIN_KEY: 'k' });
    expect(c).toMatchObject({ janusUrl: 'ws+unix:///run/janus/api.sock', janusApiSecret: 's', janusToken: 't', janusAdminKey: 'k' });
    expect(loadRelayConfig({}).janusApiSecret).toBeUndefined();
  });
});
