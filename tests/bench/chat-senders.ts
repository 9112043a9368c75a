/**
 * bench:chat-fanout's senders: viewers who chat. Each registers a device id with a nickname
 * (POST /api/watch/:token/viewers) and holds a watch socket, both from its own 127.x.y.z source
 * address, so the relay's per-network budgets (new device ids, chat) are those of distinct networks
 * as with real phones. They send stamped messages on the benchmark's schedule and record each ack.
 */
import type net from 'node:net';
import { requestFrom, sourceAddress } from '../helpers/source-address.js';
import { stampedText } from './chat-stamps.js';
import { clock } from './fanout-load.js';
import { maskedText, rawViewer } from './raw-ws-viewer.js';

export interface ChatAck {
  id: string | null;
  refusal: string | null;
  /** Send to ack, ms. */
  ms: number;
}

export interface Senders {
  /** Sender i sends message seq now (stamped with the send instant). */
  send(i: number, seq: number): void;
  acks: Map<number, ChatAck>;
  sent: number;
  /** Sockets the relay closed while the benchmark ran. */
  closed(): number;
  close(): void;
}

const TIMEOUT_MS = 30_000;

/** Registers n senders and opens their sockets, welcomed, within 30 s. */
export async function openSenders(relayUrl: string, token: string, n: number): Promise<Senders> {
  const url = new URL(relayUrl);
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
  const acks = new Map<number, ChatAck>();
  const sentAt = new Map<number, number>();
  let closed = 0;
  let done = false;
  const sockets = await Promise.all(
    ids.map(async (viewerId, i) => {
      let welcomed!: () => void;
      const welcome = new Promise<void>((r) => (welcomed = r));
      const hello = JSON.stringify({ type: 'hello', token, viewerId });
      const socket = await rawViewer(url.hostname, Number(url.port), '/ws/watch', hello, (data, at) => {
        // '{"type":"chatAck"…' / '{"type":"welcome"…': a few bytes tell them from the chat they also receive.
        if (data[9] === 0x77 && data[10] === 0x65) return welcomed();
        if (data[9] !== 0x63 || data.toString('latin1', 9, 16) !== 'chatAck') return;
        const ack = JSON.parse(data.toString()) as { ref: string; id: string | null; refusal: string | null };
        const seq = Number(ack.ref);
        acks.set(seq, { id: ack.id, refusal: ack.refusal, ms: at - (sentAt.get(seq) ?? at) });
      }, clock, sourceAddress(i));
      socket.on('close', () => void (done || closed++));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([welcome, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`sender ${i} not welcomed in ${TIMEOUT_MS} ms`)), TIMEOUT_MS)))]);
      clearTimeout(timer);
      return socket as net.Socket;
    }),
  );
  const senders: Senders = {
    acks,
    sent: 0,
    send(i, seq) {
      const now = clock();
      const { text, question } = stampedText(seq, now);
      sentAt.set(seq, now);
      sockets[i]!.write(maskedText(Buffer.from(JSON.stringify({ type: 'chat', ref: String(seq), text, question }))));
      senders.sent++;
    },
    closed: () => closed,
    close() {
      done = true;
      for (const s of sockets) s.destroy();
    },
  };
  return senders;
}
