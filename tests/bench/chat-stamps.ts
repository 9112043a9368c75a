/**
 * bench:chat-fanout's stamped messages and their accounting. Each message's text starts with
 * "#c<seq> t<µs>": seq is the benchmark's number for it, µs CLOCK_MONOTONIC at its send (the clock
 * fanout-viewers.c reads), followed by a line a viewer would type. The relay's senders
 * (chat-senders.c) write the same stamp; the floor's writer uses stampedText. The C load generator counts
 * arrivals per seq and keeps latencies in a 0.1 ms histogram (fanout-viewers.c).
 */
import type { ChatDeliveries } from './fanout-load.js';

/** What viewers ask during a show; a question mark makes it a question (as the watch page would mark it). */
export const CHAT_LINES = ['165cm 55kg인데 M 사이즈 맞을까요?', '보풀 잘 일어나나요?', '색상 너무 예뻐요', '배송 언제 시작해요?', '방금 주문했어요!', '블랙도 재고 있나요?', '두 개 사면 합배송 되나요?', '언니 목소리 좋아요'];

/** The text of message seq, stamped with the send instant `clockMs` (CLOCK_MONOTONIC, ms). */
export function stampedText(seq: number, clockMs: number): { text: string; question: boolean } {
  const line = CHAT_LINES[seq % CHAT_LINES.length]!;
  return { text: `#c${seq} t${Math.round(clockMs * 1000)} ${line}`, question: line.endsWith('?') };
}

/** The relay's frame for a posted message, as the floor's bare writer sends it (same shape and size). */
export function chatFrameText(seq: number, clockMs: number, nickname: string): string {
  const { text, question } = stampedText(seq, clockMs);
  const message = { id: `m${String(seq).padStart(12, '0')}`, role: 'viewer', nickname, text, links: [], question, at: Date.now(), visibility: 'all' };
  return JSON.stringify({ type: 'chat', message });
}

/** Nearest-rank percentile (p in 0..100) of a 0.1 ms histogram, in ms (the bucket's upper edge). */
export function histPercentile(hist: Map<number, number>, p: number): number {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const b of [...hist.keys()].sort((x, y) => x - y)) {
    seen += hist.get(b)!;
    if (seen >= rank) return (b + 1) / 10;
  }
  return NaN;
}

export interface ChatAccount {
  /** Messages sent and acknowledged with an id (posted). */
  acked: number;
  /** Arrivals of posted messages at the receivers. */
  delivered: number;
  /** Posted × receivers − arrivals: a posted message some receiver (connected throughout) never got. */
  lost: number;
  /** Arrivals beyond one per receiver. */
  duplicated: number;
  /** Arrivals of refused messages: nobody but the sender should ever see those. */
  unexpected: number;
  /** Arrivals of messages whose ack never reached the sender (its socket was dropped): posted, but not counted above. */
  delivered_unacked: number;
}

/** Every message accounted for: `posted` are the seqs acknowledged with an id, `refused` those acknowledged with a refusal. */
export function account(posted: ReadonlySet<number>, refused: ReadonlySet<number>, deliveries: ChatDeliveries, receivers: number): ChatAccount {
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  let unexpected = 0;
  let unacked = 0;
  for (const seq of posted) {
    const k = deliveries.counts.get(seq) ?? 0;
    delivered += Math.min(k, receivers);
    lost += Math.max(0, receivers - k);
    duplicated += Math.max(0, k - receivers);
  }
  for (const [seq, k] of deliveries.counts) {
    if (refused.has(seq)) unexpected += k;
    else if (!posted.has(seq)) unacked += k;
  }
  return { acked: posted.size, delivered, lost, duplicated, unexpected, delivered_unacked: unacked };
}
