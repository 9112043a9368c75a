import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioCore } from '../studio-core-api.js';
import { startBrowserShell, type BrowserShell } from './browser-shell.js';

/** Raw bytes to the shell on loopback; resolves with whatever it answered before closing (bounded). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    const timer = setTimeout(() => s.destroy(), 3000);
    s.on('data', (d) => (out += d.toString()));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

let shell: BrowserShell;
let dist: string;
const handled: string[] = [];
const core: StudioCore = {
  handle: async (channel) => {
    handled.push(channel);
    return { ok: true, value: null } as never;
  },
  onEvent: () => () => undefined,
  close: async () => undefined,
};

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'lc-shell-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>studio</title>');
  shell = await startBrowserShell(core, { rendererDist: dist });
});
afterAll(async () => {
  await shell?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('browser shell against malformed requests', () => {
  it('answers bad targets and escapes with 400/403 and keeps serving', async () => {
    const host = `localhost:${shell.port}`;
    const upgrade = (target: string) => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect(await raw(shell.port, upgrade('//['))).toMatch(/^HTTP\/1.1 403/);
    expect(await raw(shell.port, upgrade('http://[/ipc/events'))).toMatch(/^HTTP\/1.1 (400|403)/);
    expect(await raw(shell.port, `GET //[ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1.1 400/);
    const token = new URL(shell.url).hash.slice('#token='.length);
    const bad = await fetch(`http://${host}/ipc/%E0%A4%A`, { method: 'POST', headers: { 'x-studio-token': token }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(handled).toEqual([]);

    const page = await fetch(`http://${host}/`);
    expect(page.status).toBe(200);
    const good = await fetch(`http://${host}/ipc/relay.status`, { method: 'POST', headers: { 'x-studio-token': token }, body: '{}' });
    expect(good.status).toBe(200);
    expect(handled).toEqual(['relay.status']);
  });
});
