/**
 * bench:chat-fanout's senders: viewers who chat. Each registers a device id with a nickname
 * (POST /api/watch/:token/viewers, here) and holds a watch socket in the C sender process
 * (chat-senders.c), both from its own 127.x.y.z source address, so the relay's per-network budgets
 * (new device ids, chat) are those of distinct networks as with real phones. The C process sends
 * the stamped messages on the benchmark's schedule and records each ack: in Node, reading the
 * chat every sender also receives took 11–15 % of a core from the relay's two.
 */
import { spawn } from 'node:child_process';
import { requestFrom, sourceAddress } from '../helpers/source-address.js';
import { ROOT } from '../helpers/processes.js';
import { CHAT_LINES } from './chat-stamps.js';
import { buildC, cpuSeconds, jsonLines } from './fanout-load.js';

export interface ChatAck {
  posted: boolean;
  refusal: string | null;
  /** Send to ack, ms. */
  ms: number;
}

export interface Senders {
  /** `count` messages, message k due periodMs × k from now, from sender k mod n; resolves with how many were sent. */
  storm(count: number, periodMs: number): Promise<number>;
  /** CPU seconds the sender process has used so far. */
  cpu(): number;
  /** Every ack by message seq, and the sockets the relay closed; ends the sender process. */
  report(): Promise<{ acks: Map<number, ChatAck>; closed: number }>;
  kill(): void;
}

const TIMEOUT_MS = 30_000;

/** Registers n senders and opens their sockets, welcomed, within 30 s. */
export async function openSenders(relayUrl: string, token: string, n: number): Promise<Senders> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async (_, k) => {
        const r = await requestFrom<{ viewerId?: string }>(relayUrl, sourceAddress(i + k), 'POST', `/api/watch/${token}/viewers`, { viewerId: null, nickname: `시청자${i + k}` });
        if (r.status >= 300 || !r.body.viewerId) throw new Error(`registering sender ${i + k}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.viewerId;
      }),
    );
    ids.push(...batch);
  }
  const wsUrl = relayUrl.replace(/^http/, 'ws') + '/ws/watch';
  const proc = spawn(buildC('chat-senders'), [wsUrl, token], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const next = jsonLines(proc);
  const command = (line: string) => proc.stdin!.write(line + '\n');
  ids.forEach((id, i) => command(`sender ${sourceAddress(i)} ${id}`));
  for (const line of CHAT_LINES) command(`line ${line.endsWith('?') ? 1 : 0} ${JSON.stringify(line)}`);
  command('open');
  const kill = () => void (proc.exitCode === null && proc.kill('SIGKILL'));
  let timer: NodeJS.Timeout | undefined;
  try {
    const ready = await Promise.race([next() as Promise<{ ready: number }>, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`senders not welcomed in ${TIMEOUT_MS} ms`)), TIMEOUT_MS)))]);
    if (ready.ready !== n) throw new Error(`only ${ready.ready} of ${n} senders welcomed`);
  } catch (e) {
    kill();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return {
    async storm(count, periodMs) {
      command(`go ${count} ${periodMs}`);
      return ((await next()) as { sent: number }).sent;
    },
    cpu: () => cpuSeconds(proc.pid!),
    async report() {
      command('report');
      const r = (await next()) as { acks: [number, 0 | 1, string | null, number][]; closed: number };
      return { acks: new Map(r.acks.map(([seq, posted, refusal, ms]) => [seq, { posted: posted === 1, refusal, ms }])), closed: r.closed };
    },
    kill,
  };
}
