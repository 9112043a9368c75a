/**
 * Load process for bench:cue-fanout: holds N simulated viewers on the relay's viewer channel
 * (loopback only) and records, for every stage message, now − captureMs (the firing process
 * puts its send time in captureMs; both read the same machine clock).
 * Protocol on stdio: prints {"ready":N} when all viewers are welcomed; on stdin "report" prints
 * {"latencies":[…]} and exits. Bounded: gives up after 120 s.
 */
import type net from 'node:net';
import { rawViewer } from './raw-ws-viewer.js';

const [url, token, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!url || !token || !Number.isInteger(count) || count < 1 || count > 20_000) {
  console.error('usage: fanout-viewers <ws-url> <token> <count ≤ 20000>');
  process.exit(2);
}
const clock = () => performance.timeOrigin + performance.now();
const latencies: number[] = [];
const sockets: net.Socket[] = [];
let welcomed = 0;
setTimeout(() => {
  console.error(`fanout-viewers: gave up after 120 s (${welcomed}/${count} welcomed)`);
  process.exit(1);
}, 120_000).unref();

const target = new URL(url);
async function open(): Promise<void> {
  let resolveWelcome!: () => void;
  const welcome = new Promise<void>((r) => (resolveWelcome = r));
  const socket = await rawViewer(target.hostname, Number(target.port), target.pathname, JSON.stringify({ type: 'hello', token }), (data, at) => {
    // '{"type":"s…' / '{"type":"w…': one byte tells the message apart before decoding anything.
    if (data[9] === 0x73 && data[10] === 0x74) {
      const m = /"captureMs":([\d.]+)/.exec(data.toString('latin1', 0, Math.min(data.length, 120)));
      if (m) latencies.push(at - Number(m[1]));
    } else if (data[9] === 0x77) {
      welcomed++;
      resolveWelcome();
    }
  }, clock);
  sockets.push(socket);
  await welcome;
}

for (let i = 0; i < count; i += 200) {
  await Promise.all(Array.from({ length: Math.min(200, count - i) }, open));
}
console.log(JSON.stringify({ ready: welcomed }));
process.stdin.on('data', (d) => {
  if (d.toString().includes('report')) {
    process.stdout.write(JSON.stringify({ latencies: latencies.map((x) => Math.round(x * 100) / 100) }) + '\n', () => {
      for (const s of sockets) s.destroy();
      process.exit(0);
    });
  }
});
