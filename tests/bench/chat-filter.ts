import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkChatMessage, compileChatFilter } from '../../common/chat/index.js';
import { seededRandom } from '../../common/testing/seeded-random.js';

/**
 * Micro-benchmark of the chat text filter the relay runs on every message: per-message time of
 * checkChatMessage over a mixed corpus (ordinary Korean/English chat, links good and bad, banned
 * words and their disguises, emoji, Zalgo, 200-grapheme and 10 KB messages). Floor: the same
 * corpus through only String.normalize('NFC') + trim, the least any chat server does.
 */
const ROUNDS = 20;

const ORDINARY = [
  '165cm 55kg인데 M 사이즈 맞을까요?', '보풀 잘 안 일어나나요?', '배송 언제 와요?? 🙏', '언니 오늘 립 색깔 너무 예뻐요 ❤️❤️', '2번 상품 블랙 재입고 되나요',
  'Does it come in navy?', '입금했어요! 확인 부탁드립니다', 'ㅋㅋㅋㅋㅋ 너무 웃겨요', '합배송 가능한가요?', '미친 가성비네요 👍🏽', '다시 발송해 주세요',
  '시발점이 어디인가요', '👨‍👩‍👧 가족 선물용으로 샀어요', '주문은 shopgangnam.co.kr/p/12 에서 하면 되나요?', 'google.com 에서 봤어요',
];
const HOSTILE = [
  '시1발 뭐야', 'ㅅ ㅂ', 'ㅅㅣㅂㅏㄹ', '병 신', 'fuck this', 'ｆｕｃｋ', '이벤트 당첨! shopgangnarn.co.kr/gift', '무료쿠폰 bit[.]ly/3xYz', 'http://0x7f.0.0.1/login',
  'раураl.com 로그인', 'xn--80ak6aa92e.com', 'https://naver.com@evil.io/', '<script>alert(1)</script>', 'abc\u202Egpj.exe', '시\u200B발',
  'Z' + '\u0301\u0302\u0303\u0304'.repeat(20), '가'.repeat(200), 'x'.repeat(10_240),
];

function corpus(n: number): string[] {
  const rng = seededRandom(9);
  return Array.from({ length: n }, () => (rng.next() < 0.8 ? rng.pick(ORDINARY) : rng.pick(HOSTILE)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Wall time per message (percentiles) and CPU time per message over the whole run: on a shared,
 * loaded machine the wall-time tail is mostly preemption, the CPU figure is not.
 */
function measure(messages: string[], run: (m: string) => unknown): { p50: number; p95: number; p99: number; mean: number; cpu_us_per_message: number } {
  for (const m of messages) run(m); // warm-up: JIT and regex compilation
  const us: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of messages) {
      const t0 = performance.now();
      run(m);
      us.push((performance.now() - t0) * 1000);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  us.sort((a, b) => a - b);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return { p50: round2(percentile(us, 50)), p95: round2(percentile(us, 95)), p99: round2(percentile(us, 99)), mean: round2(us.reduce((a, b) => a + b, 0) / us.length), cpu_us_per_message: round2((cpu.user + cpu.system) / us.length) };
}

const config = compileChatFilter({ ownDomains: ['shopgangnam.co.kr'], allowDomains: ['toss.im'], customWords: ['짝퉁'] });
const messages = corpus(2000);
const refused = messages.filter((m) => !checkChatMessage(m, config).ok).length;
const filter = measure(messages, (m) => checkChatMessage(m, config));
const floor = measure(messages, (m) => m.normalize('NFC').trim());
console.log(`chat filter: ${messages.length} messages x ${ROUNDS} rounds, ${refused} refused per round; per message p50 ${filter.p50} µs, p99 ${filter.p99} µs, CPU ${filter.cpu_us_per_message} µs/message (floor p99 ${floor.p99} µs); load average ${os.loadavg()[0]!.toFixed(1)}`);
console.log(JSON.stringify({
  bench: 'chat-filter', metric: 'checkChatMessage time per message', unit: 'us', ...filter, n: messages.length * ROUNDS,
  refused_share: Math.round((refused / messages.length) * 100) / 100, floor, ratio_p99: Math.round((filter.p99 / floor.p99) * 10) / 10, cores: os.cpus().length, load_avg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
}));
