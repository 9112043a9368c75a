import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/** The catalog screens with a seller's mistakes: a bad price, a CSV with bad rows. Loopback only. */
let stack: StudioPage;
let page: Page;

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'en-US' });
  ({ page } = stack);
  await page.getByTestId('nav-catalog').click();
});
afterAll(async () => {
  await stack?.close();
});

const productNames = async () => (await studioIpc<{ name: string }[]>(page, 'products.list', {})).map((p) => p.name);

describe('catalog', () => {
  it('explains a negative price and stores nothing; a good product is listed', async () => {
    await page.getByTestId('catalog-tab-products').click();
    await page.getByTestId('products-new-button').click();
    await page.getByTestId('product-name-input').fill('<img src=x onerror=alert(1)> 셔츠');
    await page.getByTestId('product-price-input').fill('-5');
    await page.getByTestId('product-stock-input').fill('3');
    await page.getByTestId('product-save-button').click();
    await expect.poll(() => page.getByTestId('field-error').first().textContent(), { timeout: 10_000 }).toMatch(/price|negative|amount/i);
    expect(await productNames()).toEqual([]);
    await page.getByTestId('product-price-input').fill('39,000');
    await page.getByTestId('product-save-button').click();
    await expect.poll(() => page.getByTestId('product-item').count(), { timeout: 10_000 }).toBe(1);
    // Markup in a name is text, everywhere.
    expect(await page.getByTestId('product-item').first().innerText()).toContain('<img src=x onerror=alert(1)> 셔츠');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('reports each bad CSV row with its line, imports nothing until told, then only the good rows', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-'));
    const file = path.join(dir, 'products.csv');
    writeFileSync(
      file,
      '\uFEFFname,description,price,sale_price,currency,stock,options,external_url,images\n' +
        '린넨 셔츠,"시원한, 가벼운",39000,29000,KRW,10,,,\n' +
        '음수 가격,,-100,,KRW,5,,,\n' +
        '"여러 줄\n설명 상품",,15000,,KRW,abc,,,\n' +
        '니트,,59000,,KRW,6,S:2|M:4,https://shop.example.com/knit,\n',
    );
    await page.getByTestId('csv-file-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('csv-error').count(), { timeout: 15_000 }).toBe(2);
    const errors = await page.getByTestId('csv-error').allInnerTexts();
    expect(errors[0]).toMatch(/\b3\b/);
    expect(errors[1]).toMatch(/\b4\b/);
    expect(await page.getByTestId('csv-import-all-button').isDisabled()).toBe(true);
    expect(await productNames()).not.toContain('린넨 셔츠');
    await page.getByTestId('csv-import-good-button').click();
    await expect.poll(async () => (await productNames()).length, { timeout: 15_000 }).toBe(3);
    expect(await productNames()).toEqual(expect.arrayContaining(['린넨 셔츠', '니트']));
    expect(await productNames()).not.toContain('음수 가격');
  });
});
