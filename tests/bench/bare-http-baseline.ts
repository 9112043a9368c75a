/**
 * The floor under the commerce benchmarks: a bare Node HTTP server (reads the JSON body, parses it,
 * answers a small JSON error) driven with the same burst shape, measured at the same moment. On a
 * shared 2-core machine this says how much of a slow run was the machine rather than the relay.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { percentile, round1 } from '../helpers/stats.js';
import { burst, warmSockets, type Reply } from './commerce-burst.js';

const SERVER = `
const http = require('node:http');
const srv = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString() || '{}');
    res.writeHead(409, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: 'sold_out', message: 'sold out' }));
  });
});
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
`;

/** `from(i)`: request i's source address, as in the relay's run (each with its own warm socket); omitted = one shared pool. */
export async function bareBaseline(count: number, sockets: number, body: unknown, from?: (i: number) => string): Promise<{ p50: number; p99: number; cpuMsPerRequest: number }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString()))));
    const cpu = () => {
      const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
    const text = JSON.stringify(body);
    const send = (due: number, localAddress?: string, retried = false): Promise<Reply> =>
      new Promise<Reply>((resolve, reject) => {
        const lateMs = performance.now() - due;
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, ...(localAddress ? { localAddress } : {}), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: {}, ms: performance.now() - due, lateMs }));
        });
        // Same keep-alive race and the same one retry as the relay's client (commerce-burst.ts).
        req.on('error', (e: NodeJS.ErrnoException) => (!retried && req.reusedSocket && e.code === 'ECONNRESET' ? resolve(send(due, localAddress, true)) : reject(e)));
        req.end(text);
      });
    if (from) await warmSockets(count, (i) => send(performance.now(), from(i)));
    const c0 = cpu();
    const replies = await burst(count, (i, due) => send(due, from?.(i)));
    const cpuMsPerRequest = Math.round(((cpu() - c0) * 1000 * 100) / count) / 100;
    agent.destroy();
    const ms = replies.map((r) => r.ms);
    return { p50: round1(percentile(ms, 50)), p99: round1(percentile(ms, 99)), cpuMsPerRequest };
  } finally {
    child.kill();
  }
}
