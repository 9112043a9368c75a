import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { checkoutBody } from '../helpers/commerce-api.js';
import { CATALOG, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/**
 * The chat on the watch page and the moderator page, in Chromium on phone-sized pages against a
 * real relay (no media: a relay on loopback). Viewers chat and see each other; a phishing link is
 * refused with its reason; the host's caption shows over the picture; a moderator on a second page
 * deletes a message and bans a viewer, who stays banned after a reload; a late joiner sees the
 * history and the pinned message.
 */
let relay: RunningRelay;
let browser: Browser;
let watchUrl = '';
let showId = '';
const api = relayApi(() => relay);

beforeAll(async () => {
  relay = await startRelay();
  // The seller's store: its domain is clickable in chat, and look-alikes of it are refused.
  const catalog = { ...CATALOG, products: CATALOG.products.map((p, i) => (i === 0 ? { ...p, externalUrl: 'https://smartstore.naver.com/linenshop' } : p)) };
  const { show, token } = await api.liveShow('채팅 라이브', catalog);
  showId = show.id;
  watchUrl = `${relay.url}/w/${token}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

async function viewer(nickname: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(watchUrl);
  await page.getByTestId('chat-button').click();
  await page.getByTestId('nickname-input').fill(nickname);
  await page.getByTestId('nickname-save').click();
  // The box takes text once the relay has the nickname.
  await expect.poll(() => page.getByTestId('chat-input').isEnabled(), { timeout: 10_000 }).toBe(true);
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click();
  // Sent once the relay answered: the box empties at the tap and the button comes back with the ack.
  await expect.poll(() => page.getByTestId('chat-input').inputValue(), { timeout: 10_000 }).toBe('');
}

const chatText = (page: Page) => page.getByTestId('chat').innerText();

describe('chat on the watch page', () => {
  it('two viewers see each other; a look-alike link is refused with a reason only its sender sees; the caption shows over the picture', async () => {
    const a = await viewer('민지');
    const b = await viewer('준호');
    await say(a, '165cm인데 M 맞을까요?');
    await expect.poll(() => chatText(b), { timeout: 10_000 }).toContain('165cm인데 M 맞을까요?');
    await new Promise((r) => setTimeout(r, 1100));
    await say(b, '이벤트 당첨 https://smartst0re-naver.com/linenshop');
    await expect.poll(() => b.getByTestId('chat-refusal').getAttribute('data-code'), { timeout: 10_000 }).toBe('blocked_link');
    expect(await b.getByTestId('chat-refusal').innerText()).toContain('허용되지 않은 링크');
    await new Promise((r) => setTimeout(r, 500));
    expect(await chatText(a)).not.toContain('smartst0re');
    // Text is text: markup never becomes elements.
    await new Promise((r) => setTimeout(r, 1100));
    await say(a, '<img src=x onerror=alert(1)> 진짜예요?');
    await expect.poll(() => chatText(b), { timeout: 10_000 }).toContain('<img src=x onerror=alert(1)> 진짜예요?');
    expect(await b.locator('.chat img').count()).toBe(0);
    // The host answers the question on air: it shows over the picture.
    const view = await api.call<{ entries: { id: string; text: string }[] }>('GET', `/api/shows/${showId}/chat`);
    const q = view.body.entries.find((e) => e.text.startsWith('165cm'))!;
    await api.call('POST', `/api/shows/${showId}/chat/actions`, { action: 'answer', messageId: q.id, caption: true });
    await expect.poll(() => b.getByTestId('chat-caption').innerText(), { timeout: 10_000 }).toContain('165cm');
    // A sale shows in the flow as an anonymised notice, after the message that was last.
    const buyerId = await api.viewer(watchUrl.split('/w/')[1]!);
    const order = await api.watch(watchUrl.split('/w/')[1]!, 'POST', '/orders', checkoutBody(buyerId, { line: { productId: 'p1', optionId: null, quantity: 2 }, expectedTotal: 63000, payment: 'cash_on_delivery' }));
    expect(order.status).toBe(201);
    await expect.poll(() => b.getByTestId('chat-purchase').innerText(), { timeout: 10_000 }).toContain('린넨 셔츠 2개를 구매했어요');
    expect(await b.getByTestId('chat-purchase').innerText()).toContain('홍**');
    await b.screenshot({ path: '/tmp/watch-chat-phone.png' });
    await a.close();
    await b.close();
  });

  it('a moderator on a second page deletes a message and bans a viewer, who stays banned after a reload; a late joiner sees the history and the pin', async () => {
    const link = await api.call<{ url: string }>('POST', `/api/shows/${showId}/moderators`, { label: '지원' });
    const mod = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await mod.goto(link.body.url);
    const troll = await viewer('악플러');
    await say(troll, '여기 별로예요 다른 데 가세요');
    await expect.poll(() => chatText(troll), { timeout: 15_000 }).toContain('여기 별로예요');
    const entry = mod.locator('[data-entry]').filter({ hasText: '여기 별로예요' });
    await entry.waitFor({ timeout: 15_000 });
    await entry.getByRole('button', { name: '삭제' }).click();
    await expect.poll(() => chatText(troll), { timeout: 10_000 }).not.toContain('여기 별로예요');
    await new Promise((r) => setTimeout(r, 1100));
    await say(troll, '또 왔어요');
    await expect.poll(() => chatText(troll), { timeout: 15_000 }).toContain('또 왔어요');
    const second = mod.locator('[data-entry]').filter({ hasText: '또 왔어요' });
    await second.waitFor({ timeout: 15_000 });
    mod.once('dialog', (d) => void d.accept());
    await second.getByRole('button', { name: '차단' }).click();
    await expect.poll(async () => (await api.call<{ action: string }[]>('GET', `/api/shows/${showId}/chat/moderation`)).body.map((e) => e.action), { timeout: 10_000 }).toContain('ban');
    // Reload: the device id stays, and so does the ban.
    await troll.reload();
    await troll.getByTestId('chat-button').click();
    await troll.getByTestId('chat-input').waitFor();
    await say(troll, '새로고침했어요');
    await expect.poll(() => troll.getByTestId('chat-refusal').getAttribute('data-code'), { timeout: 10_000 }).toBe('banned');
    // The host pins a message; a late joiner gets the history and the pin.
    const host = await api.call<{ id: string }>('POST', `/api/shows/${showId}/chat`, { text: '오늘 주문은 내일 출고돼요' });
    await api.call('POST', `/api/shows/${showId}/chat/actions`, { action: 'pin', messageId: host.body.id });
    const late = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await late.goto(watchUrl);
    await late.getByTestId('chat-button').click();
    await expect.poll(() => late.getByTestId('chat-pinned').innerText(), { timeout: 10_000 }).toContain('오늘 주문은 내일 출고돼요');
    expect(await chatText(late)).toContain('165cm인데 M 맞을까요?');
    expect(await chatText(late)).not.toContain('여기 별로예요');
    await mod.screenshot({ path: '/tmp/watch-chat-mod.png', fullPage: true });
    for (const p of [mod, troll, late]) await p.close();
  });
});
