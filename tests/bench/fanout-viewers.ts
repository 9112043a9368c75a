/**
 * Load process for bench:cue-fanout: holds N simulated viewers on the relay's viewer channel
 * (loopback only) and records, for every stage message, now − captureMs (the firing process
 * puts its send time in captureMs; both read the machine's monotonic clock). The benchmark uses
 * the C twin, fanout-viewers.c, when it can build it.
 * Protocol on stdio: prints {"ready":N} when all viewers are welcomed; on stdin "report" prints
 * {"byCue":{"<captureMs>":[latency, …]}} and exits. Bounded: gives up after 120 s. The benchmark
 * runs several of these side by side (see cue-fanout.ts).
 */
import type net from 'node:net';
import { rawViewer } from './raw-ws-viewer.js';

const [url, token, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!url || !token || !Number.isInteger(count) || count < 1 || count > 20_000) {
  console.error('usage: fanout-viewers <ws-url> <token> <count ≤ 20000>');
  process.exit(2);
}
/** CLOCK_MONOTONIC in ms, as the firing process stamps it. */
const clock = () => Number(process.hrtime.bigint()) / 1e6;
/** Latencies per cue (keyed by its captureMs), to tell a slow cue from a slow tail. */
const byCue = new Map<number, number[]>();
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
      if (m) {
        const sent = Number(m[1]);
        let list = byCue.get(sent);
        if (!list) byCue.set(sent, (list = []));
        list.push(at - sent);
      }
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
    const out: Record<string, number[]> = {};
    for (const [sent, list] of byCue) out[String(sent)] = list.map((x) => Math.round(x * 100) / 100);
    process.stdout.write(JSON.stringify({ byCue: out }) + '\n', () => {
      for (const s of sockets) s.destroy();
      process.exit(0);
    });
  }
});
