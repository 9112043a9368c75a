import { useState, type ReactNode } from 'react';
import { c } from './i18n-commerce.js';
import { MyOrders } from './MyOrders.js';
import { SellerFooter } from './SellerInfo.js';

/**
 * A centred card for after the show (ended, replay being prepared, replay deleted) with the
 * my-orders button: orders outlive the show, and a viewer who still has to transfer the money finds
 * the account here.
 */
export function AfterShowCard({ eyebrow, title, body, icon, testState, small, children }: { eyebrow: string; title: string; body: string; icon?: string; testState?: string; small?: boolean; children?: ReactNode }) {
  const [mine, setMine] = useState(false);
  return (
    <main className="card-screen" {...(testState ? { 'data-testid': 'replay-state', 'data-state': testState } : {})}>
      <div className="card">
        {icon && (
          <div className="icon-circle" aria-hidden="true">
            {icon}
          </div>
        )}
        <p className="eyebrow neutral">{eyebrow}</p>
        <h1 className={small ? 'title small' : 'title'}>{title}</h1>
        <p className="quiet">{body}</p>
        {children}
        <button type="button" className="btn-secondary" onClick={() => setMine(true)} data-testid="my-orders-button">
          {c.myOrders}
        </button>
      </div>
      <SellerFooter />
      {mine && (
        <div className="sheet-layer">
          <MyOrders onClose={() => setMine(false)} />
        </div>
      )}
    </main>
  );
}
