import type { Page } from 'playwright-core';

/** Fills the open checkout sheet with a Seoul buyer paying cash on delivery, consents, orders; the order number. */
export async function orderCashOnDelivery(p: Page): Promise<string> {
  await p.getByTestId('checkout-name').fill('김민지');
  await p.getByTestId('checkout-phone').fill('010-2468-1357');
  await p.getByTestId('checkout-postcode').fill('06236');
  await p.getByTestId('checkout-line1').fill('서울특별시 강남구 테헤란로 427');
  await p.getByTestId('checkout-pay-cash_on_delivery').check();
  await p.getByTestId('checkout-consent').check();
  await p.getByTestId('order-button').click();
  await p.getByTestId('order-number').waitFor({ timeout: 15_000 });
  return (await p.getByTestId('order-number').innerText()).trim();
}

/** In the open cart or checkout sheet: a buyer in Jeju, found with the address search's TEST adapter (postcode 63309). */
export async function fillJejuBuyer(p: Page): Promise<void> {
  await p.getByTestId('checkout-name').fill('고은비');
  await p.getByTestId('checkout-phone').fill('010-2345-6789');
  await p.getByTestId('address-search-open').click();
  await p.getByTestId('address-search-query').fill('제주시 연동');
  await p.getByTestId('address-search-go').click();
  await p.getByTestId('address-search-result').first().click();
  await p.getByTestId('checkout-line2').fill('2층');
}

type Option = { id: string; name: string; stock: number };

/**
 * A product as the catalog hands it to the relay and as its pinned card shows it (same figures; KRW,
 * no pictures). With options, the stock is theirs added up, as the catalog requires.
 */
export function listedProduct(id: string, name: string, price: number, salePrice: number | null, stock: number, options: Option[] = []) {
  const total = options.length ? options.reduce((n, o) => n + o.stock, 0) : stock;
  const common = { name, imageUrls: [] as string[], currency: 'KRW' as const, price, salePrice, stock: total, options, externalUrl: null };
  return { product: { id, ...common }, card: { productId: id, ...common } };
}
