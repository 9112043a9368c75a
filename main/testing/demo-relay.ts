import { writeFileSync } from 'node:fs';
import type { Dashboard, Report } from '../../common/analytics.js';
import type { Show } from '../../common/show.js';
import { startFakeRelay } from './fake-relay.js';

/**
 * A FAKE relay with a believable show in progress, for looking at the studio's commerce screens
 * without a real relay, Janus or viewers (development and screenshots only; never shipped):
 *
 *   npx tsx main/testing/demo-relay.ts 18080 /tmp/demo-key
 *   STUDIO_RELAY_URL=http://127.0.0.1:18080 STUDIO_KEY_HANDOFF=/tmp/demo-key npx tsx main/shell/browser-shell-main.ts
 *
 * "demo-live" is live: once the studio handed it a catalog (Go live / a cue), an order arrives
 * every few seconds and viewer counts and dashboards are pushed. "demo-ended" has a report.
 */
const port = Number(process.argv[2] ?? 18080);
const keyFile = process.argv[3];
const relay = await startFakeRelay({ port });
if (keyFile) writeFileSync(keyFile, relay.key, { mode: 0o600 });

const t0 = Date.now() - 42 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const show = (id: string, title: string, status: Show['status'], extra: Partial<Show> = {}): Show => ({ id, title, status, scheduledAt: null, startedAt: iso(t0), endedAt: null, createdAt: iso(t0 - 86_400_000), rehearsalOf: null, ...extra });
relay.shows.set('demo-live', show('demo-live', '봄 니트 특가 라이브', 'live'));
relay.shows.set('demo-ended', show('demo-ended', '겨울 패딩 마감 세일', 'ended', { startedAt: iso(t0 - 3 * 86_400_000), endedAt: iso(t0 - 3 * 86_400_000 + 58 * 60_000) }));
relay.shows.set('demo-next', show('demo-next', '여름 린넨 신상 소개', 'scheduled', { startedAt: null, scheduledAt: iso(Date.now() + 3 * 86_400_000) }));

const buyers = [
  { name: '김민지', phone: '010-2345-6789', address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '위워크타워 10층 1004호' }, note: '문 앞에 놓아 주세요' },
  { name: 'Sarah Park', phone: '+82 10 9876 5432', address: { postcode: '04524', line1: '서울특별시 중구 세종대로 110', line2: '' }, note: '' },
  { name: '<img src=x onerror=alert(1)>', phone: '010-1111-2222', address: { postcode: '48058', line1: '부산광역시 해운대구 센텀중앙로 79', line2: '3층' }, note: '=SUM(A1:A9)' },
  { name: '이서준', phone: '010-5555-0123', address: { postcode: '34126', line1: '대전광역시 유성구 대학로 99', line2: '' }, note: '부재 시 경비실' },
];
const methods = ['bank_transfer', 'cash_on_delivery', 'card'] as const;

let viewers = 180;
let peak = 240;
let orderN = 0;
const products = () => relay.commerce.catalogs.get('demo-live')?.products ?? [];

/** One order of the n-th kind: products, options, buyers and payment methods take turns. */
function order(createdAt: number, status?: 'paid' | 'cancelled') {
  const ps = products();
  const n = orderN++;
  const p = ps[n % ps.length]!;
  const option = p.options.length ? p.options[(n >> 1) % p.options.length]!.id : null;
  const at = new Date(createdAt).toISOString();
  const o = relay.commerce.addOrder('demo-live', { productId: p.id, optionId: option, quantity: 1 + (n % 3 === 2 ? 1 : 0), buyer: buyers[n % buyers.length]!, payment: methods[n % 3]!, createdAt: at, updatedAt: at, segmentId: n < 3 ? 'seg-knit' : 'seg-cardigan' });
  if (status) relay.commerce.orders.set(o.id, { ...o, status, updatedAt: new Date(createdAt + 90_000).toISOString() });
}

function dashboard(): Dashboard {
  const orders = [...relay.commerce.orders.values()].filter((o) => o.showId === 'demo-live');
  const live = orders.filter((o) => o.status !== 'cancelled' && o.status !== 'refunded');
  const ps = products();
  const buyersN = new Set(live.map((o) => o.buyer?.phone ?? o.id)).size;
  const revenue = live.reduce((n, o) => n + o.quote.total, 0);
  const unique = 612;
  const held = relay.commerce.stock.get('demo-live');
  return {
    showId: 'demo-live',
    currency: 'KRW',
    at: Date.now(),
    viewersNow: viewers,
    viewersPeak: peak,
    uniqueViewers: unique,
    orders: live.length,
    revenue,
    buyers: buyersN,
    conversion: buyersN / unique,
    products: ps.map((p, i) => {
      const mine = live.filter((o) => o.quote.productName === p.name);
      const units = mine.reduce((n, o) => n + o.quote.quantity, 0);
      const stock = p.options.length ? p.options.reduce((n, o) => n + (held?.get(`${p.id}/${o.id}`) ?? 0), 0) : (held?.get(`${p.id}/`) ?? 0);
      return { productId: p.id, name: p.name, saw: [540, 410, 300, 120][i % 4]!, opened: [160, 96, 41, 12][i % 4]!, startedCheckout: [44, 23, 9, 3][i % 4]! + mine.length, ordered: mine.length, units, revenue: mine.reduce((n, o) => n + o.quote.total, 0), stockLeft: stock };
    }),
    segments: [
      { segmentId: 'seg-intro', title: '오프닝 · 인사', startedAt: iso(t0), orders: 0, revenue: 0 },
      ...['seg-knit', 'seg-cardigan'].map((id, i) => {
        const mine = live.filter((o) => o.segmentId === id);
        return { segmentId: id, title: ['캐시미어 니트', '울 가디건 · 코디'][i]!, startedAt: iso(t0 + (6 + 15 * i) * 60_000), orders: mine.length, revenue: mine.reduce((n, o) => n + o.quote.total, 0) };
      }),
    ],
    coupons: [
      { couponId: 'c1', code: 'LIVE10', quota: 100, claimed: 86, redeemed: 31, discountGiven: 118_000 },
      { couponId: 'c2', code: 'QUIZWIN', quota: 5, claimed: 5, redeemed: 2, discountGiven: 10_000 },
    ],
    quizzes: [{ quizId: 'q1', question: '오늘 니트의 소재는?', answers: 203, correct: 171, winners: 5 }],
    polls: [{ pollId: 'p1', question: '다음 방송 색상은?', choices: ['블랙', '아이보리', '네이비'], counts: [88, 132, 41] }],
  };
}

const ended: Report = {
  showId: 'demo-ended',
  currency: 'KRW',
  at: Date.now(),
  title: '겨울 패딩 마감 세일',
  startedAt: iso(t0 - 3 * 86_400_000),
  endedAt: iso(t0 - 3 * 86_400_000 + 58 * 60_000),
  viewersNow: 0,
  viewersPeak: 388,
  uniqueViewers: 1240,
  orders: 96,
  revenue: 8_734_000,
  buyers: 81,
  conversion: 81 / 1240,
  repeatBuyers: 23,
  viewersOverTime: Array.from({ length: 58 * 12 }, (_, i) => ({ at: t0 - 3 * 86_400_000 + i * 5000, viewers: Math.max(0, Math.round(40 + 330 * Math.sin(Math.min(1, i / 300) * 1.4) * (1 - i / 1400) + 30 * Math.sin(i / 17) + (i > 220 && i < 260 ? 60 : 0))) })),
  cues: [
    { at: t0 - 3 * 86_400_000 + 4 * 60_000, label: '롱패딩 카드' },
    { at: t0 - 3 * 86_400_000 + 18 * 60_000, label: '쿠폰 WINTER20' },
    { at: t0 - 3 * 86_400_000 + 27 * 60_000, label: '퀴즈: 충전재는?' },
    { at: t0 - 3 * 86_400_000 + 39 * 60_000, label: '숏패딩 + 머플러 카드' },
    { at: t0 - 3 * 86_400_000 + 50 * 60_000, label: '투표: 다음 색상' },
  ],
  products: [
    { productId: 'x1', name: '구스다운 롱패딩', saw: 1100, opened: 420, startedCheckout: 131, ordered: 52, units: 55, revenue: 6_545_000, stockLeft: 0 },
    { productId: 'x2', name: '경량 숏패딩', saw: 860, opened: 230, startedCheckout: 61, ordered: 29, units: 31, revenue: 1_829_000, stockLeft: 14 },
    { productId: 'x3', name: '캐시미어 머플러', saw: 600, opened: 98, startedCheckout: 22, ordered: 15, units: 18, revenue: 360_000, stockLeft: 42 },
  ],
  segments: [
    { segmentId: 's1', title: '오프닝', startedAt: iso(t0 - 3 * 86_400_000), orders: 3, revenue: 357_000 },
    { segmentId: 's2', title: '롱패딩 집중 소개', startedAt: iso(t0 - 3 * 86_400_000 + 3 * 60_000), orders: 49, revenue: 5_950_000 },
    { segmentId: 's3', title: '숏패딩 · 코디', startedAt: iso(t0 - 3 * 86_400_000 + 33 * 60_000), orders: 36, revenue: 2_147_000 },
    { segmentId: 's4', title: '마무리 · Q&A', startedAt: iso(t0 - 3 * 86_400_000 + 49 * 60_000), orders: 8, revenue: 280_000 },
  ],
  coupons: [{ couponId: 'w1', code: 'WINTER20', quota: 200, claimed: 174, redeemed: 61, discountGiven: 1_220_000 }],
  quizzes: [{ quizId: 'wq', question: '구스다운 충전재의 솜털 비율은?', answers: 312, correct: 240, winners: 10 }],
  polls: [{ pollId: 'wp', question: '다음 방송에서 보고 싶은 색상은?', choices: ['블랙', '카멜', '네이비', '아이보리'], counts: [140, 96, 51, 77] }],
  chat: { messages: 184, questions: 23, answered: 19, hearts: 1_240, blocked: 4, removed: 2, actions: [{ at: iso(t0 - 3 * 86_400_000 + 12 * 60_000), actor: 'host', action: 'pin', detail: null }, { at: iso(t0 - 3 * 86_400_000 + 31 * 60_000), actor: 'mod:ml_demo', action: 'timeout', detail: '600s' }] },
};
relay.commerce.reports.set('demo-ended', ended);
relay.commerce.dashboards.set('demo-ended', ended);

let tick = 0;
let seeded = false;
setInterval(() => {
  tick++;
  viewers = Math.max(20, Math.round(viewers + (Math.random() - 0.45) * 24));
  peak = Math.max(peak, viewers);
  relay.broadcast({ type: 'viewers', showId: 'demo-live', count: viewers });
  if (products().length && !seeded) {
    seeded = true;
    for (let i = 0; i < 9; i++) order(t0 + (8 + i * 3.5) * 60_000, i % 4 === 1 ? 'paid' : i === 6 ? 'cancelled' : undefined);
  } else if (products().length && tick % 4 === 0) order(Date.now());
  const d = dashboard();
  relay.commerce.dashboards.set('demo-live', d);
  relay.broadcast({ type: 'dashboard', showId: 'demo-live', dashboard: d });
}, 1500).unref();
relay.commerce.dashboards.set('demo-live', dashboard());

process.stdout.write(JSON.stringify({ msg: 'demo relay ready', url: relay.url, key: keyFile ?? relay.key }) + '\n');
await new Promise<void>((resolve) => process.on('SIGTERM', resolve).on('SIGINT', resolve));
await relay.close();
