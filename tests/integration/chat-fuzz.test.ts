import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatMessage, ChatRefusal, CHAT_TEXT_MAX } from '../../common/protocol/chat.js';
import { seededRandom } from '../../common/testing/seeded-random.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * The chat's input path under random input on a real relay: hostile code points (direction
 * overrides, zero-width, controls, lone surrogates, combining floods, markup), random sizes and
 * malformed chat frames. Every send gets a well-formed answer, what others see is clean, and the
 * relay keeps serving an honest viewer throughout. Seeded: a failure replays.
 */
let relay: RunningRelay;
const api = relayApi(() => relay);

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const NASTY = [0x202e, 0x202d, 0x2066, 0x2069, 0x200b, 0x200d, 0xfeff, 0x0000, 0x0007, 0x001b, 0x0085, 0x061c, 0x0301, 0x0336, 0xd800, 0xdfff, 0x3164, 0x115f, 0x1160, 0xe000];
const PIECES = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '${7*7}', '{{7*7}}', "'; DROP TABLE chat_messages; --", '봄 신상', '😀', '👩‍👩‍👧', 'https://xn--80ak6aa92e.com', '\n\n\n', '   '];
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;
/** A zero-width joiner is kept only inside an emoji sequence (👩‍👩‍👧), never loose. */
const LOOSE_ZWJ = /(?<![\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])\u200d|\u200d(?!\p{Extended_Pictographic})/u;

function randomText(rng: ReturnType<typeof seededRandom>): string {
  let s = '';
  const parts = rng.int(0, 12);
  for (let i = 0; i < parts; i++) {
    const k = rng.int(0, 5);
    if (k === 0) s += String.fromCharCode(rng.pick(NASTY));
    else if (k === 1) s += rng.pick(PIECES);
    else if (k === 2) s += String.fromCharCode(0x0300 + rng.int(0, 0x6f)).repeat(rng.int(1, 60)); // combining floods
    else if (k === 3) s += '가'.repeat(rng.int(1, 120));
    else s += String.fromCodePoint(rng.int(0x20, 0x2ffff));
  }
  return s;
}

describe('chat input fuzz', () => {
  it('answers every random send with a well-formed ack, shows others only clean text, and keeps serving', async () => {
    const { token } = await api.liveShow('chat fuzz');
    const ws = () => relay.url.replace('http', 'ws') + '/ws/watch';
    const open = async (nickname: string) => {
      const s = new TestSocket(ws());
      await s.opened;
      s.send({ type: 'hello', token });
      const { viewerId } = await s.next('welcome');
      await api.watch(token, 'POST', '/viewers', { viewerId, nickname });
      return s;
    };
    // Eight devices take turns, so the per-device budget (1 a second) admits most sends.
    const fuzzers = await Promise.all(Array.from({ length: 8 }, (_, i) => open(`퍼저${i}`)));
    const honest = await open('정직');
    const rng = seededRandom(0xc4a7);
    let refused = 0;
    const SENDS = 120;
    for (let i = 0; i < SENDS; i++) {
      const fuzzer = fuzzers[i % fuzzers.length]!;
      const kind = rng.int(0, 9);
      if (kind === 0) {
        // Malformed chat frames: answered with a protocol error, never an ack.
        fuzzer.send(rng.pick(['{"type":"chat"}', '{"type":"chat","ref":"","text":"x"}', '{"type":"chat","ref":"r","text":5}', '{"type":"heart","count":1000}', '{"type":"chat","ref":"' + 'r'.repeat(40) + '","text":"x"}']));
        expect(await fuzzer.take('error')).toMatchObject({ code: 'bad_message' });
        continue;
      }
      const ref = `f${i}`;
      fuzzer.send({ type: 'chat', ref, text: randomText(rng), question: rng.int(0, 1) === 1 });
      const ack = await fuzzer.take('chatAck', (m) => m.ref === ref);
      if (ack.id === null) {
        refused += 1;
        expect(ChatRefusal.safeParse(ack.refusal).success).toBe(true);
      }
      if (i % fuzzers.length === fuzzers.length - 1) await new Promise((r) => setTimeout(r, 120));
    }
    // Everything the honest viewer saw from the fuzzer is schema-valid, clean and within the limit.
    honest.send({ type: 'chat', ref: 'ok', text: '잘 보이나요?' });
    expect(await honest.take('chatAck', (m) => m.ref === 'ok')).toMatchObject({ refusal: null });
    const seen: ChatMessage[] = [];
    for (;;) {
      const m = await honest.take('chat');
      const parsed = ChatMessage.parse(m.message);
      if (parsed.nickname === '정직') break;
      seen.push(parsed);
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const m of seen) {
      expect(INVISIBLE.test(m.text)).toBe(false);
      expect(LOOSE_ZWJ.test(m.text)).toBe(false);
      expect(m.text).toBe(m.text.trim());
      expect([...new Intl.Segmenter().segment(m.text)].length).toBeLessThanOrEqual(CHAT_TEXT_MAX);
      expect(m.links).toEqual([]);
    }
    expect(refused).toBeLessThan(SENDS);
    for (const f of fuzzers) f.close();
    honest.close();
  });
});
