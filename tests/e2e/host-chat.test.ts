import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../helpers/processes.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { studioIpc } from '../helpers/studio-ipc.js';
import { TestSocket } from '../helpers/ws-client.js';

/** The host's chat in the studio (real relay, real studio shell, Chromium), viewers as sockets. Loopback only. */
let stack: StudioPage;
let page: Page;
let relay: RunningRelay;

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR', viewport: { width: 1440, height: 1000 } });
  ({ page, relay } = stack);
});
afterAll(async () => {
  await stack?.close();
});

async function viewer(token: string, nickname: string) {
  const s = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
  await s.opened;
  s.send({ type: 'hello', token });
  const { viewerId } = await s.next('welcome');
  const r = await fetch(`${relay.url}/api/watch/${token}/viewers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ viewerId, nickname }) });
  expect(r.status).toBe(200);
  return s;
}

describe('the host’s chat', () => {
  it('shows a question in the queue with the product it names; A puts it on viewers’ screens, R replies as the host', async () => {
    await studioIpc(page, 'products.save', { input: { name: '캐시미어 코트', price: 189000, stock: 5 } });
    await page.reload(); // the studio reads its catalog when it opens
    await page.getByTestId('show-title-input').fill('코트 라이브');
    await page.getByTestId('create-show-button').click();
    const item = page.getByTestId('show-item').filter({ hasText: '코트 라이브' }).first();
    const showId = (await item.getAttribute('data-show-id'))!;
    await item.click();
    const url = (await page.getByTestId('watch-link').textContent())!.trim();
    const token = url.split('/w/')[1]!;
    const asker = await viewer(token, '민지');
    asker.send({ type: 'chat', ref: 'q1', text: '캐시미어 코트 165cm면 M인가요?', question: true });
    expect(await asker.take('chatAck', (m) => m.ref === 'q1')).toMatchObject({ refusal: null });

    const queue = page.getByTestId('host-chat-list');
    await expect.poll(() => queue.innerText(), { timeout: 10_000 }).toContain('165cm');
    expect(await queue.innerText()).toContain('캐시미어 코트 관련');
    await page.screenshot({ path: '/tmp/host-chat.png' });

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('KeyA');
    expect(await asker.take('chatState', (m) => (m.state as { caption: unknown }).caption !== null)).toMatchObject({ state: { caption: { nickname: '민지', text: '캐시미어 코트 165cm면 M인가요?' } } });
    await expect.poll(() => page.getByTestId('host-chat-caption').count()).toBe(1);

    await page.keyboard.press('KeyR');
    await page.keyboard.type('네, M이 잘 맞아요!');
    await page.keyboard.press('Enter');
    expect(await asker.take('chat', (m) => (m.message as { role: string }).role === 'host')).toMatchObject({ message: { text: '네, M이 잘 맞아요!', nickname: '' } });

    await page.keyboard.press('Escape');
    await page.keyboard.press('KeyX');
    expect(await asker.take('chatState', (m) => (m.state as { caption: unknown }).caption === null)).toMatchObject({ state: { caption: null } });
    const view = await studioIpc<{ entries: { answered: boolean; question: boolean }[] }>(page, 'chat.view', { showId });
    expect(view.entries.filter((e) => e.question).every((e) => e.answered)).toBe(true);
    asker.close();
  });
});
