import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffChatView } from '../../common/protocol/chat.js';
import type { Show, WatchLink } from '../../common/show.js';
import { CATALOG, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** The chat over a real relay: posting, history, the host, refusals, moderation, hearts, export. */
let relay: RunningRelay;
const api = relayApi(() => relay);

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

type Msg = Record<string, unknown>;
const wsUrl = () => relay.url.replace('http', 'ws') + '/ws/watch';

/** A viewer with a nickname and an open socket (history already read). */
async function chatter(token: string, nickname: string | null, viewerId?: string) {
  const s = new TestSocket(wsUrl());
  await s.opened;
  s.send({ type: 'hello', token, ...(viewerId ? { viewerId } : {}) });
  const welcome = await s.next('welcome');
  const id = welcome.viewerId as string;
  if (nickname !== null) expect((await api.watch(token, 'POST', '/viewers', { viewerId: id, nickname })).status).toBe(200);
  const history = await s.next('chatHistory');
  let refs = 0;
  const say = async (text: string, question = false) => {
    const ref = `r${refs++}`;
    s.send({ type: 'chat', ref, text, question });
    return s.take('chatAck', (m) => m.ref === ref);
  };
  return { s, id, history, say };
}

const view = (showId: string) => api.call<StaffChatView>('GET', `/api/shows/${showId}/chat`);
const act = (showId: string, body: unknown) => api.call('POST', `/api/shows/${showId}/chat/actions`, body);

describe('chat', () => {
  it('carries viewers’ messages to each other, the host’s replies and pins, and gives a late joiner the history and the pin', async () => {
    const { show, token } = await api.liveShow('chat basics');
    const a = await chatter(token, '민지');
    const b = await chatter(token, '준호');
    expect(a.history).toMatchObject({ messages: [], state: { pinned: null, frozen: false, slowModeSec: 0 } });
    const ack = await a.say('165cm인데 M 맞을까요?', true);
    expect(ack).toMatchObject({ refusal: null });
    expect(await b.s.take('chat', (m) => (m.message as Msg).id === ack.id)).toMatchObject({ message: { id: ack.id, role: 'viewer', nickname: '민지', text: '165cm인데 M 맞을까요?', question: true, visibility: 'all' } });
    const host = await api.call<Msg>('POST', `/api/shows/${show.id}/chat`, { text: '네, M 추천드려요!' });
    expect(host).toMatchObject({ status: 201, body: { role: 'host', nickname: '' } });
    expect(await a.s.take('chat', (m) => (m.message as Msg).role === 'host')).toMatchObject({ message: { role: 'host', text: '네, M 추천드려요!' } });
    expect((await act(show.id, { action: 'pin', messageId: host.body.id })).status).toBe(204);
    expect(await b.s.next('chatState')).toMatchObject({ state: { pinned: { id: host.body.id } } });
    // The question: answered, on the viewers' screens as a caption.
    expect((await act(show.id, { action: 'answer', messageId: ack.id, caption: true })).status).toBe(204);
    expect(await b.s.next('chatState')).toMatchObject({ state: { caption: { messageId: ack.id, nickname: '민지' } } });
    const late = await chatter(token, null);
    expect((late.history.messages as Msg[]).map((m) => m.text)).toEqual(['165cm인데 M 맞을까요?', '네, M 추천드려요!']);
    expect(late.history).toMatchObject({ state: { pinned: { id: host.body.id }, caption: { messageId: ack.id } } });
    const staff = await view(show.id);
    expect(staff.body.entries.find((e) => e.id === ack.id)).toMatchObject({ answered: true, status: 'visible', viewerId: a.id });
    for (const c of [a, b, late]) c.s.close();
  });

  it('refuses what it must and tells only the sender why: no nickname, too long, empty after cleaning, a flood, slow mode, a frozen chat, an ended show', async () => {
    const { show, token } = await api.liveShow('chat refusals');
    const anon = await chatter(token, null);
    expect(await anon.say('hi')).toMatchObject({ id: null, refusal: 'nickname_required' });
    const v = await chatter(token, '테스터');
    const other = await chatter(token, '구경꾼');
    expect(await v.say('가'.repeat(201))).toMatchObject({ refusal: 'too_long' });
    expect(await v.say('\u200b\u202e \u2066')).toMatchObject({ refusal: 'empty' });
    // 10 KB is refused before it is read as chat at all.
    v.s.send({ type: 'chat', ref: 'big', text: 'x'.repeat(10_000) });
    expect(await v.s.next('error')).toMatchObject({ code: 'bad_message' });
    // Markup is text; direction overrides and zero-width characters are gone.
    const cleaned = await v.say('<script>alert(1)</script> \u202eabc\u200b');
    expect(await other.s.take('chat', (m) => (m.message as Msg).id === cleaned.id)).toMatchObject({ message: { id: cleaned.id, text: '<script>alert(1)</script> abc' } });
    // A flood: three in a burst pass, the rest are refused; nobody else sees them.
    const acks = [];
    for (let i = 0; i < 8; i++) acks.push(await v.say(`도배 ${i}`));
    expect(acks.filter((x) => x.refusal === 'rate_limited').length).toBeGreaterThan(0);
    await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 30, frozen: false, holdAll: false });
    expect(await other.s.next('chatState')).toMatchObject({ state: { slowModeSec: 30 } });
    const first = await other.say('첫 메시지');
    expect(first.refusal).toBeNull();
    const second = await other.say('두 번째');
    expect(second).toMatchObject({ refusal: 'slow_mode' });
    expect(second.retryAfterMs as number).toBeGreaterThan(0);
    await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 0, frozen: true, holdAll: false });
    const fresh = await chatter(token, '새로온');
    expect(await fresh.say('안녕하세요')).toMatchObject({ refusal: 'frozen' });
    expect((await api.call('POST', `/api/shows/${show.id}/chat`, { text: '잠시 채팅을 멈춥니다' })).status).toBe(201); // the host still posts
    await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 0, frozen: false, holdAll: false });
    await api.call('POST', `/api/shows/${show.id}/end`);
    expect(await fresh.say('끝났나요?')).toMatchObject({ refusal: 'show_not_live' });
    expect((await api.call('POST', `/api/shows/${show.id}/chat`, { text: '감사합니다' })).body).toMatchObject({ error: 'show_not_live' });
    // Bad actions and settings are refused with the declared error, nothing changes.
    expect((await act(show.id, { action: 'delete', messageId: 'nope' })).status).toBe(404);
    expect((await act(show.id, { action: 'timeout', viewerId: v.id, seconds: 5 })).status).toBe(400);
    expect((await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 9999, frozen: false, holdAll: false })).status).toBe(400);
    for (const c of [anon, v, other, fresh]) c.s.close();
  });

  it('lets the host delete, time out, ban (surviving a reload), hide and hold for review; every action is logged and the chat exports as CSV', async () => {
    const { show, token } = await api.liveShow('chat moderation');
    const watcher = await chatter(token, '지켜봄');
    const troll = await chatter(token, '악플러');
    const bad = await troll.say('이 제품 별로');
    await watcher.s.next('chat');
    expect((await act(show.id, { action: 'delete', messageId: bad.id })).status).toBe(204);
    expect(await watcher.s.next('chatRemoved')).toMatchObject({ ids: [bad.id] });

    expect((await act(show.id, { action: 'timeout', viewerId: troll.id, seconds: 60 })).status).toBe(204);
    const timedOut = await troll.say('왜요');
    expect(timedOut).toMatchObject({ refusal: 'timed_out' });
    expect(timedOut.retryAfterMs as number).toBeGreaterThan(50_000);

    expect((await act(show.id, { action: 'ban', viewerId: troll.id })).status).toBe(204);
    troll.s.close();
    // A reload keeps the device id: still banned.
    const reloaded = await chatter(token, null, troll.id);
    expect(reloaded.id).toBe(troll.id);
    expect(await reloaded.say('다시 왔어요')).toMatchObject({ refusal: 'banned' });
    // A new device from the banned device's network is held for review: only it sees its message.
    const newDevice = await chatter(token, '새기기');
    const held = await newDevice.say('새 기기로 왔어요');
    expect(held.refusal).toBeNull();
    expect(await newDevice.s.take('chat', (m) => (m.message as Msg).id === held.id)).toMatchObject({ message: { id: held.id, visibility: 'pending' } });
    expect((await view(show.id)).body.entries.find((e) => e.id === held.id)).toMatchObject({ status: 'held', heldFor: 'banned_network' });
    expect((await act(show.id, { action: 'approve', messageId: held.id })).status).toBe(204);
    expect(await watcher.s.take('chat', (m) => (m.message as Msg).id === held.id)).toMatchObject({ message: { id: held.id, visibility: 'all' } });

    // Hidden: the viewer sees their own message as usual, nobody else does.
    const shadow = await chatter(token, '광고봇');
    await act(show.id, { action: 'hide', viewerId: shadow.id });
    const spam = await shadow.say('싸게 팝니다');
    expect(spam.refusal).toBeNull();
    expect(await shadow.s.take('chat', (m) => (m.message as Msg).id === spam.id)).toMatchObject({ message: { id: spam.id, visibility: 'self' } });
    // The new device stays under review (each message), and the hidden one never reaches the watcher: the host's message comes next.
    const stillHeld = await newDevice.say('좋아요');
    expect(await newDevice.s.take('chat', (m) => (m.message as Msg).id === stillHeld.id)).toMatchObject({ message: { id: stillHeld.id, visibility: 'pending' } });
    const hostNote = await api.call<Msg>('POST', `/api/shows/${show.id}/chat`, { text: '확인했습니다' });
    expect(await watcher.s.next('chat')).toMatchObject({ message: { id: hostNote.body.id } });

    // Hold everything for review; reject one.
    await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 0, frozen: false, holdAll: true });
    const waiting = await watcher.say('검토 대기');
    expect((await view(show.id)).body.entries.find((e) => e.id === waiting.id)).toMatchObject({ status: 'held', heldFor: 'hold_all' });
    expect((await act(show.id, { action: 'reject', messageId: waiting.id })).status).toBe(204);
    expect(await watcher.s.next('chatRemoved')).toMatchObject({ ids: [waiting.id] });

    const log = await api.call<{ actor: string; action: string }[]>('GET', `/api/shows/${show.id}/chat/moderation`);
    expect(log.body.map((e) => e.action)).toEqual(['delete', 'timeout', 'ban', 'approve', 'hide', 'settings', 'reject']);
    expect(log.body.every((e) => e.actor === 'host')).toBe(true);
    // The post-show report carries the chat's numbers and every action with who did it.
    const report = await api.call<{ chat: { messages: number; removed: number; actions: { action: string; actor: string }[] } }>('GET', `/api/shows/${show.id}/report`);
    expect(report.body.chat.actions.map((a) => a.action)).toEqual(log.body.map((e) => e.action));
    expect(report.body.chat.removed).toBeGreaterThanOrEqual(2);
    expect(report.body.chat.messages).toBeGreaterThanOrEqual(5);
    const csv = await api.call('GET', `/api/shows/${show.id}/chat.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('이 제품 별로');
    expect(csv.text).toContain('deleted');
    expect(csv.text).toContain('rejected');
    // Lifting the ban ends the review hold on new devices from that network too.
    expect((await act(show.id, { action: 'lift', viewerId: troll.id })).status).toBe(204);
    await api.call('PUT', `/api/shows/${show.id}/chat/settings`, { slowModeSec: 0, frozen: false, holdAll: false });
    const after = await chatter(token, '해제후');
    expect(await after.say('이제 보이나요')).toMatchObject({ refusal: null });
    expect((await view(show.id)).body.entries.at(-1)).toMatchObject({ text: '이제 보이나요', status: 'visible' });
    for (const c of [watcher, reloaded, newDevice, shadow, after]) c.s.close();
  });

  it('lets an assistant moderate with a moderator link (never the studio key), logged as that link, until it is revoked; forged moderator actions are refused', async () => {
    const { show, token } = await api.liveShow('moderated');
    const other = await api.liveShow('another show');
    const link = await api.call<{ id: string; url: string; label: string }>('POST', `/api/shows/${show.id}/moderators`, { label: '지원' });
    expect(link).toMatchObject({ status: 201, body: { label: '지원' } });
    const modToken = link.body.url.split('/m/')[1]!;
    const mod = (method: string, p: string, body?: unknown) => api.call<Msg>(method, `/api/mod/${modToken}${p}`, body, null);
    const viewer = await chatter(token, '손님');
    const rude = await viewer.say('욕설 대신 무례한 말');
    expect(await mod('GET', '/chat')).toMatchObject({ status: 200, body: { showTitle: 'moderated', label: '지원' } });
    expect((await mod('POST', '/chat/actions', { action: 'delete', messageId: rude.id })).status).toBe(204);
    expect(await viewer.s.take('chatRemoved')).toMatchObject({ ids: [rude.id] });
    expect((await mod('POST', '/chat/actions', { action: 'timeout', viewerId: viewer.id, seconds: 10 })).status).toBe(204);
    expect(await viewer.say('또')).toMatchObject({ refusal: 'timed_out' });
    const modPost = await mod('POST', '/chat', { text: '공지: 욕설은 삭제됩니다' });
    expect(modPost).toMatchObject({ status: 201, body: { role: 'moderator' } });
    expect(await viewer.s.take('chat', (m) => (m.message as Msg).id === modPost.body.id)).toMatchObject({ message: { role: 'moderator', nickname: '' } });
    const log = await api.call<{ actor: string; action: string }[]>('GET', `/api/shows/${show.id}/chat/moderation`);
    expect(log.body.map((e) => [e.actor, e.action])).toEqual([[`mod:${link.body.id}`, 'delete'], [`mod:${link.body.id}`, 'timeout']]);
    // The page opens for a good link; a message id of another show is not found through this link.
    const page = await fetch(link.body.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('채팅 관리');
    const elsewhere = await chatter(other.token, '다른쇼');
    const theirs = await elsewhere.say('다른 방송 메시지');
    expect((await mod('POST', '/chat/actions', { action: 'delete', messageId: theirs.id })).status).toBe(404);
    // Forged: a watch token is not a moderator token; no studio key, no host routes.
    expect((await api.call('GET', `/api/mod/${token}/chat`, undefined, null)).status).toBe(404);
    expect((await api.call('POST', `/api/shows/${show.id}/chat/actions`, { action: 'ban', viewerId: viewer.id }, null)).status).toBe(401);
    expect((await api.call('POST', `/api/mod/${modToken.slice(0, -2)}xx/chat/actions`, { action: 'ban', viewerId: viewer.id }, null)).status).toBe(404);
    // Revoked: refused at once, and the page says so.
    expect((await api.call('POST', `/api/moderators/${link.body.id}/revoke`)).body).toMatchObject({ revokedAt: expect.any(String) });
    expect(await mod('POST', '/chat/actions', { action: 'ban', viewerId: viewer.id })).toMatchObject({ status: 410, body: { error: 'link_gone' } });
    const gone = await fetch(link.body.url);
    expect(gone.status).toBe(410);
    expect(await viewer.say('이제 괜찮나요?')).toMatchObject({ refusal: 'timed_out' }); // the revoked link banned no one
    viewer.s.close();
    elsewhere.s.close();
  });

  it('delivers messages posted together as separate messages in order, and a delete never overtakes its message', async () => {
    const { show, token } = await api.liveShow('chat batches');
    const a = await chatter(token, '하나');
    const b = await chatter(token, '둘');
    const refs = ['첫째', '둘째', '셋째'].map((text, i) => {
      a.s.send({ type: 'chat', ref: `b${i}`, text });
      return `b${i}`;
    });
    const ids = [];
    for (const ref of refs) ids.push((await a.s.take('chatAck', (m) => m.ref === ref)).id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    await act(show.id, { action: 'delete', messageId: ids[2] });
    const got = [];
    for (let i = 0; i < 4; i++) {
      const m = await b.s.take('chat', () => true).catch(() => null) ?? null;
      if (m) got.push((m.message as Msg).text);
      if (got.length === 3) break;
    }
    expect(got).toEqual(['첫째', '둘째', '셋째']);
    expect(await b.s.take('chatRemoved')).toMatchObject({ ids: [ids[2]] });
    a.s.close();
    b.s.close();
  });

  it('blocks phishing look-alikes, shorteners and banned words with a reason only the sender sees; the seller’s own store links are clickable; the lists are editable', async () => {
    const catalog = { ...CATALOG, products: CATALOG.products.map((p, i) => (i === 0 ? { ...p, externalUrl: 'https://smartstore.naver.com/linenshop/products/1' } : p)) };
    const { show, token } = await api.liveShow('chat safety', catalog);
    const chat = await chatter(token, '손님');
    const other = await chatter(token, '다른손님');
    // Paced at the per-device budget (1 a second), so every send is judged on its text.
    const v = { ...chat, say: async (text: string) => (await new Promise((r) => setTimeout(r, 1000)), chat.say(text)) };
    expect(await v.say('이벤트 당첨! https://naver-event.xyz/win 여기서 받으세요 bit.ly/3abc')).toMatchObject({ refusal: 'blocked_link' });
    expect(await v.say('이벤트 https://smartst0re-naver.com/linenshop')).toMatchObject({ refusal: 'blocked_link' });
    expect(await v.say('http://192.168.0.1/login')).toMatchObject({ refusal: 'blocked_link' });
    expect(await v.say('시1발 왜 이렇게 비싸')).toMatchObject({ refusal: 'banned_word' });
    // Innocent words that contain a bad substring pass.
    const innocent = await v.say('시발점이 어디예요? 다시 발송해 주세요');
    expect(innocent.refusal).toBeNull();
    const own = await v.say('스토어 링크 smartstore.naver.com/linenshop 맞죠?');
    expect(own.refusal).toBeNull();
    const seen = await other.s.take('chat', (m) => (m.message as Msg).id === own.id);
    expect((seen.message as { links: { href: string }[] }).links).toEqual([expect.objectContaining({ href: expect.stringContaining('smartstore.naver.com/linenshop') })]);
    const blocked = (await api.call<{ action: string; detail: string }[]>('GET', `/api/shows/${show.id}/chat/moderation`)).body.filter((e) => e.action === 'blocked');
    expect(blocked.length).toBe(4);
    // The seller adds a word; moderators can edit the lists too (logged).
    const lists = (await api.call<Record<string, unknown>>('GET', '/api/chat/lists')).body;
    expect((await api.call('PUT', '/api/chat/lists', { ...lists, customWords: ['짝퉁'] })).status).toBe(200);
    expect(await v.say('이거 짝퉁 아니에요?')).toMatchObject({ refusal: 'banned_word' });
    expect((await api.call('PUT', '/api/chat/lists', { ...lists, ownDomains: ['not a domain'] })).status).toBe(400);
    const link = await api.call<{ url: string }>('POST', `/api/shows/${show.id}/moderators`, { label: '목록' });
    const modToken = link.body.url.split('/m/')[1]!;
    expect((await api.call('PUT', `/api/mod/${modToken}/chat/lists`, { ...lists, customWords: [] }, null)).status).toBe(200);
    expect((await v.say('이거 짝퉁 아니에요?')).refusal).toBeNull();
    v.s.close();
    other.s.close();
  });

  it('sums hearts from many viewers into few messages', async () => {
    const { token } = await api.liveShow('hearts');
    const viewers = await Promise.all(Array.from({ length: 5 }, (_, i) => chatter(token, `하트${i}`)));
    const receiver = viewers[0]!;
    for (const v of viewers) for (let i = 0; i < 4; i++) v.s.send({ type: 'heart', count: 2 });
    let total = 0;
    let messages = 0;
    while (total < 40) {
      const h = await receiver.s.next('hearts');
      total += h.count as number;
      messages += 1;
    }
    expect(total).toBe(40);
    expect(messages).toBeLessThan(20);
    for (const v of viewers) v.s.close();
  });

  it('keeps a rehearsal’s chat in the rehearsal', async () => {
    const { show, token } = await api.liveShow('real show');
    const r = await api.call<{ show: Show; link: WatchLink }>('POST', `/api/shows/${show.id}/rehearsal`);
    const rehearsalToken = r.body.link.url.split('/w/')[1]!;
    const practice = await chatter(rehearsalToken, '연습');
    const ack = await practice.say('리허설 채팅');
    expect(ack.refusal).toBeNull();
    expect((await view(r.body.show.id)).body.entries.map((e) => e.text)).toEqual(['리허설 채팅']);
    expect((await view(show.id)).body.entries).toEqual([]);
    const real = await chatter(token, null);
    expect(real.history).toMatchObject({ messages: [] });
    practice.s.close();
    real.s.close();
  });
});
