import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rundown } from '../../common/rundown.js';
import type { Show } from '../../common/show.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/** The Korean show list: a past start time refused, rename, copy with run-down, delete after a confirmation that names the loss. Loopback only. */
let stack: StudioPage;
let page: Page;

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR' });
  ({ page } = stack);
});
afterAll(async () => {
  await stack?.close();
});

const relayShows = () => studioIpc<Show[]>(page, 'shows.list', {});
const rundowns = () => studioIpc<Rundown[]>(page, 'rundowns.list', {});
const item = (title: string) => page.getByTestId('show-item').filter({ has: page.locator('.show-title', { hasText: new RegExp(`^${title.replace(/[()]/g, '\\$&')}$`) }) });

describe('managing shows in the Korean studio', () => {
  it('refuses a start time in the past with a Korean message, and creates nothing', async () => {
    await page.getByTestId('show-title-input').fill('지난 방송');
    await page.getByTestId('show-scheduled-input').fill('2020-01-01T10:00');
    await page.getByTestId('create-show-button').click();
    await expect.poll(() => page.locator('.create-card .form-error').textContent(), { timeout: 10_000 }).toBe('시작 시각이 이미 지났습니다. 지금 이후의 시각을 고르세요.');
    expect((await relayShows()).map((s) => s.title)).not.toContain('지난 방송');
  });

  it('renames a show (emoji included) and copies it with its run-down', async () => {
    await page.getByTestId('show-scheduled-input').fill('');
    await page.getByTestId('show-title-input').fill('금요 라이브');
    await page.getByTestId('create-show-button').click();
    await expect.poll(() => item('금요 라이브').count(), { timeout: 10_000 }).toBe(1);
    const showId = (await item('금요 라이브').getAttribute('data-show-id'))!;
    await studioIpc(page, 'rundowns.save', { name: '금요 라이브', showId, segments: [{ id: 's1', title: '오프닝', plannedSec: 60, cues: [] }] });

    await item('금요 라이브').getByTestId('show-rename-button').click();
    await item('금요 라이브').getByTestId('show-rename-input').fill('봄 니트 특가 🌸🧶');
    await page.getByTestId('show-rename-save').click();
    await expect.poll(() => item('봄 니트 특가 🌸🧶').count(), { timeout: 10_000 }).toBe(1);
    expect((await relayShows()).find((s) => s.id === showId)?.title).toBe('봄 니트 특가 🌸🧶');
    await item('봄 니트 특가 🌸🧶').screenshot({ path: '/tmp/sellerui/show-emoji-title.png' });

    await item('봄 니트 특가 🌸🧶').getByTestId('show-copy-button').click();
    await expect.poll(() => item('봄 니트 특가 🌸🧶 (사본)').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('shows-notice').textContent()).toContain('진행표 1개 포함');
    const copyId = (await item('봄 니트 특가 🌸🧶 (사본)').getAttribute('data-show-id'))!;
    const copied = (await rundowns()).find((r) => r.showId === copyId);
    expect(copied).toMatchObject({ name: '봄 니트 특가 🌸🧶 (사본)', segments: [{ title: '오프닝' }] });
    // The original keeps its own run-down.
    expect((await rundowns()).filter((r) => r.showId === showId)).toHaveLength(1);
  });

  it('deletes a show after a confirmation that names what is lost, with its run-downs', async () => {
    const title = '봄 니트 특가 🌸🧶';
    const showId = (await item(title).getAttribute('data-show-id'))!;
    await item(title).getByTestId('show-delete-button').click();
    const question = await item(title).locator('.inline-confirm').innerText();
    expect(question).toContain(`“${title}” 방송을 완전히 삭제할까요?`);
    expect(question).toContain('되돌릴 수 없습니다');
    await page.screenshot({ path: '/tmp/sellerui/show-delete-confirm.png' });
    await item(title).getByTestId('show-delete-button-confirm').click();
    await expect.poll(() => item(title).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('shows-notice').textContent()).toBe(`“${title}” 방송을 삭제했습니다.`);
    expect((await relayShows()).some((s) => s.id === showId)).toBe(false);
    expect((await rundowns()).some((r) => r.showId === showId)).toBe(false);
    expect(await item(`${title} (사본)`).count()).toBe(1);
  });

  it('a live show offers no delete, and the relay refuses it in Korean words', async () => {
    const live = (await studioIpc<{ show: Show }>(page, 'shows.create', { title: '생방송 중', scheduledAt: null })).show;
    await studioIpc(page, 'shows.start', { showId: live.id });
    await page.reload();
    await expect.poll(() => item('생방송 중').count(), { timeout: 10_000 }).toBe(1);
    expect(await item('생방송 중').getByTestId('show-delete-button').count()).toBe(0);
    await expect(studioIpc(page, 'shows.delete', { showId: live.id })).rejects.toThrow(/live/);
    await studioIpc(page, 'shows.end', { showId: live.id });
  });
});
