import { StudioError } from '../../common/ipc-contract.js';
import { PaymentSettings } from '../../common/commerce/show-catalog.js';
import { parseInput, parseStored } from '../catalog/store-util.js';
import type { StudioDb } from '../store/studio-db.js';

const KEY = 'payment';

/**
 * What most small Korean sellers start with: cash on delivery, 3,000 KRW shipping, free from
 * 50,000 KRW. Bank transfer needs the seller's own account, so it starts off.
 */
export const DEFAULT_PAYMENT: PaymentSettings = { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50_000 };

/** How viewers pay and what shipping costs, kept in the studio's settings table as one checked JSON value. */
export class PaymentStore {
  constructor(private readonly db: StudioDb) {}

  get(): PaymentSettings {
    const raw = this.db.getSetting(KEY);
    if (raw === null) return DEFAULT_PAYMENT;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    return parseStored(PaymentSettings, value, 'payment settings');
  }

  /** Validates everything first; nothing is stored unless all of it is right. */
  save(input: unknown): PaymentSettings {
    const settings = parseInput(PaymentSettings, input);
    if (!settings.bankTransfer && !settings.cashOnDelivery && !settings.card)
      throw StudioError.refuse({ reason: 'noPaymentMethod', args: {} });
    this.db.setSetting(KEY, JSON.stringify(settings));
    return settings;
  }
}
