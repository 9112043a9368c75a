import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/** A Korean seller's Excel files in the Korean studio: CP949 with Korean headers, and mistakes explained in Korean. Loopback only. */
let stack: StudioPage;
let page: Page;

const fixture = fileURLToPath(new URL('../fixtures/products-korean-cp949.csv', import.meta.url));

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR' });
  ({ page } = stack);
  await page.getByTestId('nav-catalog').click();
});
afterAll(async () => {
  await stack?.close();
});

const productNames = async () => (await studioIpc<{ name: string }[]>(page, 'products.list', {})).map((p) => p.name);

describe('CSV import in the Korean studio', () => {
  it('imports a CP949 file with Korean headers and names the encoding in the preview', async () => {
    await page.getByTestId('catalog-tab-products').click();
    await page.getByTestId('csv-file-input').setInputFiles(fixture);
    await expect.poll(() => page.getByTestId('csv-encoding').textContent(), { timeout: 15_000 }).toBe('인코딩: 한글 Windows (CP949/EUC-KR)');
    expect(await page.getByTestId('csv-report').innerText()).toContain('2개 행 모두 문제없습니다');
    await page.screenshot({ path: '/tmp/sellerui/csv-cp949-preview.png' });
    await page.getByTestId('csv-import-all-button').click();
    await expect.poll(async () => (await productNames()).sort(), { timeout: 15_000 }).toEqual(['똠방 양말', '봄 울 가디건']);
  });

  it('explains bad rows in Korean only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-ko-'));
    const file = path.join(dir, '상품.csv');
    writeFileSync(file, '\uFEFF상품명,가격,재고\n음수,-100,1\n글자 재고,1000,많음\n');
    await page.getByTestId('csv-file-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('csv-error').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('csv-encoding').textContent()).toBe('인코딩: UTF-8 (BOM 포함)');
    const report = await page.getByTestId('csv-report').innerText();
    await page.screenshot({ path: '/tmp/sellerui/csv-ko-errors.png' });
    expect(report).toContain('가격: 0 이상이어야 합니다');
    expect(report).toContain('재고: “많음”은(는) 정수가 아닙니다');
    // No English words anywhere in the report (file name and numbers aside).
    expect(report.replace('상품.csv', '').replace(/UTF-8|BOM/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
