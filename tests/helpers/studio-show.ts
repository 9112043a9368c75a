import type { Page } from 'playwright-core';

/** Opens the studio shell, connects it to the relay with the studio key, creates a show and opens it; returns its id. */
export async function openStudioOnNewShow(page: Page, o: { studioUrl: string; studioKey: string; title: string }): Promise<string> {
  await page.goto(o.studioUrl);
  await page.getByTestId('studio-key-input').fill(o.studioKey);
  await page.getByTestId('connect-button').click();
  await page.getByTestId('show-title-input').fill(o.title);
  await page.getByTestId('create-show-button').click();
  const item = page.getByTestId('show-item').filter({ hasText: o.title }).first();
  const showId = (await item.getAttribute('data-show-id'))!;
  await item.click();
  return showId;
}
