import { describe, expect, it } from 'vitest';
import { courierFrom } from '../../../common/commerce/shipment.js';
import { shipColumns } from '../../../common/commerce/shipping-csv.js';
import { decodeCsvBytes } from './decode-csv.js';

// "주문번호,택배사,송장번호\r\n" in CP949 (as Korean Excel saves "CSV (쉼표로 분리)").
const CP949_HEADER = Uint8Array.from([0xc1, 0xd6, 0xb9, 0xae, 0xb9, 0xf8, 0xc8, 0xa3, 0x2c, 0xc5, 0xc3, 0xb9, 0xe8, 0xbb, 0xe7, 0x2c, 0xbc, 0xdb, 0xc0, 0xe5, 0xb9, 0xf8, 0xc8, 0xa3, 0x0d, 0x0a]);

describe('shipping CSV', () => {
  it('reads CP949, UTF-8 and UTF-8 with a BOM, and says which', () => {
    expect(decodeCsvBytes(CP949_HEADER)).toEqual({ text: '주문번호,택배사,송장번호\r\n', encoding: 'cp949' });
    const utf8 = new TextEncoder().encode('주문번호,택배사,송장번호\r\n');
    expect(decodeCsvBytes(utf8)).toEqual({ text: '주문번호,택배사,송장번호\r\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: '주문번호,택배사,송장번호\r\n', encoding: 'utf-8-bom' });
  });

  it('finds the columns by Korean or English names in any order, and names the missing ones', () => {
    expect(shipColumns(['송장번호', '받는분', '주문번호', '택배사'])).toEqual({ index: { number: 2, courier: 3, trackingNumber: 0 }, missing: [] });
    expect(shipColumns(['Order number', 'Courier', 'Tracking number'])).toEqual({ index: { number: 0, courier: 1, trackingNumber: 2 }, missing: [] });
    expect(shipColumns(['주문번호', '운송장 번호']).missing).toEqual(['courier']);
  });

  it('knows couriers by code, Korean and English name and the usual short forms', () => {
    expect(courierFrom('CJ대한통운')).toBe('cj');
    expect(courierFrom(' cj 대한통운 ')).toBe('cj');
    expect(courierFrom('우체국 택배')).toBe('epost');
    expect(courierFrom('Hanjin')).toBe('hanjin');
    expect(courierFrom('롯데')).toBe('lotte');
    expect(courierFrom('DHL')).toBeNull();
    expect(courierFrom('')).toBeNull();
  });
});
