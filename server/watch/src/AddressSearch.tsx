import { useState } from 'react';
import { testAddressSearch, type AddressSearchProvider, type FoundAddress } from './address-search.js';
import { k } from './i18n-checkout.js';

/** "주소 찾기": search, pick one, and the postcode and road address fill in (the detail stays the buyer's). */
export function AddressSearch({ onPick, provider = testAddressSearch }: { onPick: (a: FoundAddress) => void; provider?: AddressSearchProvider }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundAddress[] | null>(null);
  const run = async () => setFound(await provider.search(query));
  if (!open)
    return (
      <button type="button" className="btn-secondary co-find-address" onClick={() => setOpen(true)} data-testid="address-search-open">
        {k.findAddress}
      </button>
    );
  return (
    <div className="co-address-search" data-testid="address-search">
      {provider.isTest && (
        <p className="test-banner" role="note">
          {k.addressTestBanner}
        </p>
      )}
      <div className="co-address-query">
        <input
          type="search"
          value={query}
          maxLength={80}
          placeholder={k.addressQuery}
          aria-label={k.addressQuery}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
          data-testid="address-search-query"
        />
        <button type="button" className="btn-secondary" onClick={() => void run()} data-testid="address-search-go">
          {k.addressSearch}
        </button>
      </div>
      {found && found.length === 0 && <p className="co-note">{k.addressNone}</p>}
      {found && found.length > 0 && (
        <ul className="co-address-results">
          {found.map((a) => (
            <li key={a.postcode + a.road}>
              <button
                type="button"
                className="co-address-result"
                onClick={() => {
                  onPick(a);
                  setOpen(false);
                  setFound(null);
                }}
                data-testid="address-search-result"
              >
                <strong>{a.postcode}</strong> {a.road}
                <small>{a.jibun}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
