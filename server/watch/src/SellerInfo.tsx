import { useState } from 'react';
import type { StoreProfile } from '../../../common/commerce/store-profile.js';
import { money } from './format.js';
import { sl } from './i18n-seller.js';
import { Sheet } from './Sheet.js';
import { useSellerInfo, type SellerInfo } from './seller-info.js';

/** Every detail the law wants shown (전자상거래법 §10, §13), as a list a phone can scroll. */
export function SellerFacts({ profile }: { profile: StoreProfile }) {
  const r = profile.returns;
  const rows: [string, string, string][] = [
    ['businessName', sl.businessName, profile.businessName],
    ['representative', sl.representative, profile.representative],
    ['businessNumber', sl.businessNumber, profile.businessNumber],
    ['mailOrderNumber', sl.mailOrderNumber, profile.mailOrderNumber ?? sl.mailOrderExempt],
    ['address', sl.address, profile.address],
    ['phone', sl.phone, profile.phone],
    ['email', sl.email, profile.email],
  ];
  if (profile.privacyOfficer) rows.push(['privacy', sl.privacy, `${profile.privacyOfficer.name} (${profile.privacyOfficer.contact})`]);
  return (
    <div className="seller-facts" data-testid="seller-facts">
      <dl className="seller-list">
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`seller-${key}`}>{key === 'phone' ? <a href={`tel:${value.replace(/-/g, '')}`}>{value}</a> : value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="co-legend">{sl.returns}</h3>
      <ul className="seller-returns" data-testid="seller-returns">
        <li>{sl.period(r.periodDays)}</li>
        <li>{sl.fee(money(r.shippingFee, 'KRW'), money(r.shippingFee * 2, 'KRW'))}</li>
        <li>
          {sl.returnAddress}: {r.address}
        </li>
        {r.note && <li className="seller-note">{r.note}</li>}
      </ul>
    </div>
  );
}

function SellerBody({ info }: { info: SellerInfo }) {
  if (info.state === 'loading') return <p className="muted">{sl.loading}</p>;
  if (info.state === 'failed') return <p className="sheet-alert">{sl.failed}</p>;
  if (!info.profile)
    return (
      <div data-testid="seller-empty">
        <p className="seller-empty">{sl.empty}</p>
        <p className="muted">{sl.emptyHint}</p>
      </div>
    );
  return <SellerFacts profile={info.profile} />;
}

/** The sheet "판매자 정보" opens: under the still-playing video, like checkout. */
export function SellerInfoSheet({ onClose }: { onClose: () => void }) {
  const info = useSellerInfo();
  return (
    <Sheet title={sl.title} onClose={onClose} testId="seller-sheet">
      <SellerBody info={info} />
    </Sheet>
  );
}

/** The compact link that opens it. */
export function SellerInfoLink({ onOpen, expanded }: { onOpen: () => void; expanded: boolean }) {
  return (
    <button type="button" className="seller-link" onClick={onOpen} aria-expanded={expanded} data-testid="seller-info-link">
      {sl.link}
    </button>
  );
}

/** With the order confirmation and order lookup: who sold it, how to reach them, how to return it. */
export function OrderSeller() {
  const info = useSellerInfo();
  return (
    <details className="order-seller" data-testid="order-seller">
      <summary>
        {sl.seller}: <strong data-testid="order-seller-name">{info.state === 'ready' ? (info.profile?.businessName ?? sl.empty) : sl.loading}</strong>
        {info.state === 'ready' && info.profile && <span className="muted order-seller-contact"> · {sl.contactLine(info.profile.phone, info.profile.email)}</span>}
      </summary>
      <SellerBody info={info} />
    </details>
  );
}

/** Before and after the show (no video to keep in view): a real footer, the sheet over a dimmed page. */
export function SellerFooter() {
  const [open, setOpen] = useState(false);
  return (
    <footer className="seller-footer">
      <SellerInfoLink onOpen={() => setOpen(true)} expanded={open} />
      {open && (
        <div className="sheet-layer">
          <SellerInfoSheet onClose={() => setOpen(false)} />
        </div>
      )}
    </footer>
  );
}
