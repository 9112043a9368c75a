import { f, shownStatus } from './i18n-fulfilment.js';
import { ShipmentLine } from './Shipment.js';
import { useRef, useState } from 'react';
import type { ViewerOrder } from '../../../common/commerce/order.js';
import { money } from './format.js';
import { c } from './i18n-commerce.js';
import { OrderSeller } from './SellerInfo.js';

/** Copies text; when the browser refuses (plain http, old in-app WebViews) selects it so a long-press copies it. */
async function copyText(text: string, shown: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = window.getSelection();
    if (shown && selection) {
      const range = document.createRange();
      range.selectNodeContents(shown);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return false;
  }
}

/** Where to send the money, with a copy button for the account number (and the amount). */
export function PayTo({ order }: { order: ViewerOrder }) {
  const [copied, setCopied] = useState<'account' | 'amount' | null>(null);
  const accountRef = useRef<HTMLSpanElement>(null);
  const amountRef = useRef<HTMLElement>(null);
  const p = order.payTo;
  if (!p) return null;
  const copy = async (what: 'account' | 'amount', text: string) => {
    if (await copyText(text, (what === 'account' ? accountRef : amountRef).current)) setCopied(what);
  };
  return (
    <dl className="pay-to" data-testid="pay-to">
      <div>
        <dt>{c.bank}</dt>
        <dd data-testid="pay-to-bank">{p.bank}</dd>
      </div>
      <div>
        <dt>{c.account}</dt>
        <dd className="copy-row">
          <span className="mono" data-testid="pay-to-account" ref={accountRef}>
            {p.accountNumber}
          </span>
          <button type="button" className="btn-copy" onClick={() => void copy('account', p.accountNumber)} data-testid="copy-account">
            {copied === 'account' ? c.copied : c.copy}
          </button>
        </dd>
      </div>
      <div>
        <dt>{c.holder}</dt>
        <dd data-testid="pay-to-holder">{p.holder}</dd>
      </div>
      <div>
        <dt>{c.amount}</dt>
        <dd className="copy-row">
          <strong data-testid="pay-to-amount" ref={amountRef}>{money(p.amount, order.quote.currency)}</strong>
          <button type="button" className="btn-copy" onClick={() => void copy('amount', String(p.amount))} data-testid="copy-amount">
            {copied === 'amount' ? c.copied : c.copy}
          </button>
        </dd>
      </div>
      <p className="sr-only" role="status">
        {copied ? c.copied : ''}
      </p>
    </dl>
  );
}

/** What to do next, by how the order is paid and where it stands. */
export function nextStep(order: ViewerOrder): string | null {
  if (order.status !== 'awaiting_payment' && order.status !== 'paid') return null;
  const total = money(order.quote.total, order.quote.currency);
  if (order.payment === 'bank_transfer') return order.status === 'paid' ? null : c.nextBank(order.payTo ? money(order.payTo.amount, order.quote.currency) : total);
  if (order.payment === 'cash_on_delivery') return c.nextCash(total);
  return order.status === 'paid' ? c.nextCard : null;
}

export function StatusBadge({ order }: { order: ViewerOrder }) {
  return (
    <span className={`status status-${order.status}`} data-testid="order-status" data-status={order.status} data-shown={shownStatus(order)}>
      {f.status[shownStatus(order)]}
    </span>
  );
}

/** The confirmation after ordering: number, status, next step, bank details. */
export function OrderDone({ order, onBack, onMyOrders }: { order: ViewerOrder; onBack: () => void; onMyOrders: () => void }) {
  const q = order.quote;
  const step = nextStep(order);
  const rehearsal = order.number.startsWith('R-');
  return (
    <div className="done" data-testid="order-done">
      <div className="done-head">
        <span className="done-check" aria-hidden="true">
          ✓
        </span>
        <p className="done-title" role="status">
          {c.ordered}
        </p>
      </div>
      {rehearsal && <p className="test-banner">{c.rehearsalOrder}</p>}
      <dl className="done-facts">
        <div>
          <dt>{c.orderNumber}</dt>
          <dd className="mono" data-testid="order-number">
            {order.number}
          </dd>
        </div>
        <div>
          <dt>{q.optionName ? `${q.productName} · ${q.optionName}` : q.productName}</dt>
          <dd>{c.quantityOf(q.quantity)}</dd>
        </div>
        <div>
          <dt>{c.total}</dt>
          <dd>
            <strong>{money(q.total, q.currency)}</strong>
          </dd>
        </div>
        <div>
          <dt>{c.pay}</dt>
          <dd>{c.method[order.payment]}</dd>
        </div>
        <div>
          <dt>{c.statusLabel}</dt>
          <dd>
            <StatusBadge order={order} />
          </dd>
        </div>
      </dl>
      {step && <p className="done-next">{step}</p>}
      <PayTo order={order} />
      <ShipmentLine order={order} />
      <OrderSeller />
      <div className="done-actions">
        <button type="button" className="btn-primary" onClick={onBack} data-testid="back-to-show">
          {c.backToShow}
        </button>
        <button type="button" className="btn-secondary" onClick={onMyOrders}>
          {c.myOrders}
        </button>
      </div>
    </div>
  );
}
