/**
 * The floor under bench:chat-fanout: the same number of receivers (the same load generator)
 * against a bare WebSocket writer with no relay behind it (fanout-floor.ts), fed the same schedule
 * of stamped chat frames, each the size and shape of the relay's, handed over every CHAT_FORWARD_MS
 * and written in passes paced at the period the relay's workers used, one write per socket with
 * everything it has not had, by two writer processes (as the relay's two viewer workers do). It leaves out what a relay must also do
 * (read the sender's frame, check it, store it, ack it); it is what the writes alone cost here.
 */
import { account, chatFrameText, histPercentile } from './chat-stamps.js';
import { startFloorWriter } from './fanout-floor.js';
import { clock, openViewers } from './fanout-load.js';
import { round1 } from '../helpers/stats.js';
import { onSchedule } from './chat-schedule.js';
import { CHAT_FORWARD_MS } from '../../server/src/chat/chat-window.js';

/** `windowMs`: the period of the relay's chat passes during its storm (it widens RELAY_CHAT_BATCH_MS for a large audience: chat-window.ts). */
export async function runChatFloor(receivers: number, messages: number, periodMs: number, loadProcesses: number, drainMs: number, windowMs: number) {
  const floor = await startFloorWriter(2);
  try {
    const load = await openViewers(`ws://127.0.0.1:${floor.port}/ws/watch`, 'floor', receivers, loadProcesses);
    try {
      await new Promise((r) => setTimeout(r, 2500));
      let batch: string[] = [];
      // As the relay hands messages to its workers (CHAT_FORWARD_MS), which pace their passes at windowMs.
      const flush = setInterval(() => {
        if (batch.length > 0) floor.send(batch, windowMs);
        batch = [];
      }, CHAT_FORWARD_MS);
      const sent = await onSchedule(messages, periodMs, (seq) => void batch.push(chatFrameText(seq, clock(), `시청자${seq % 200}`)));
      await new Promise((r) => setTimeout(r, windowMs * 2));
      clearInterval(flush);
      await new Promise((r) => setTimeout(r, drainMs)); // the last frames arrive (late = lost, as for the relay)
      const { chat, closed } = await load.report();
      const acc = account(new Set(Array.from({ length: sent }, (_, k) => k)), new Set(), chat, receivers);
      const result = { receivers, writers: 2, window_ms: windowMs, sent, ...acc, disconnected: closed, p50: round1(histPercentile(chat.hist, 50)), p95: round1(histPercentile(chat.hist, 95)), p99: round1(histPercentile(chat.hist, 99)) };
      console.log(`floor (no relay, 2 writer processes, passes ${windowMs} ms apart) ${receivers} receivers: ${acc.delivered}/${sent * receivers} deliveries (lost ${acc.lost}), p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
      return result;
    } finally {
      load.kill();
    }
  } finally {
    floor.close();
  }
}
