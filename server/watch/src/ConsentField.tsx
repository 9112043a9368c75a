import { useState } from 'react';
import { k } from './i18n-checkout.js';
import { sellerName } from '../../../common/commerce/store-profile.js';
import { useSellerInfo } from './seller-info.js';

/**
 * 개인정보 수집·이용 동의 (Personal Information Protection Act art. 15/22): what is collected, why,
 * how long, and that the buyer may refuse. Required: the relay refuses an order without it.
 * `seller`: the seller's name; by default the store profile's 상호, or "판매자" while there is none.
 */
export function ConsentField({ checked, onChange, seller = null }: { checked: boolean; onChange: (on: boolean) => void; seller?: string | null }) {
  const [open, setOpen] = useState(false);
  const info = useSellerInfo();
  const named = seller ?? (info.state === 'ready' ? sellerName(info.profile) : null);
  return (
    <fieldset className="co-section co-consent" data-testid="checkout-consent-section">
      <legend className="co-legend">{k.consentTitle}</legend>
      <div className="co-consent-row">
        <label className="check">
          <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="checkout-consent" aria-required="true" aria-describedby="co-consent-text" />
          <span>{k.consentAgree}</span>
        </label>
        <button type="button" className="link-button" aria-expanded={open} aria-controls="co-consent-text" onClick={() => setOpen(!open)} data-testid="checkout-consent-toggle">
          {open ? k.consentHide : k.consentShow}
        </button>
      </div>
      <ul className="co-consent-text" id="co-consent-text" hidden={!open} data-testid="checkout-consent-text">
        <li>{k.consentItems}</li>
        <li data-testid="checkout-consent-purpose">{k.consentPurpose(k.consentSeller(named))}</li>
        <li>{k.consentRetention}</li>
        <li>{k.consentRefuse}</li>
      </ul>
    </fieldset>
  );
}
