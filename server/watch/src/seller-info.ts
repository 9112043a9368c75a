import { useEffect, useState } from 'react';
import type { StoreProfile } from '../../../common/commerce/store-profile.js';
import type { WatchApi } from './commerce-api.js';
import { useCommerce } from './commerce-context.js';

export type SellerInfo = { state: 'loading' } | { state: 'ready'; profile: StoreProfile | null } | { state: 'failed' };

/** Asked once per page (the profile changes rarely); a failed ask is tried again next time a part needs it. */
const asked = new WeakMap<WatchApi, Promise<SellerInfo>>();

export function loadSellerInfo(api: WatchApi): Promise<SellerInfo> {
  let p = asked.get(api);
  if (!p) {
    p = api.sellerInfo().then((r): SellerInfo => {
      if (r.ok) return { state: 'ready', profile: r.data.profile };
      asked.delete(api);
      return { state: 'failed' };
    });
    asked.set(api, p);
  }
  return p;
}

/** The seller's store profile for the footer sheet, the order confirmation and the consent notice. */
export function useSellerInfo(): SellerInfo {
  const [, commerce] = useCommerce();
  const [info, setInfo] = useState<SellerInfo>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    void loadSellerInfo(commerce.api).then((i) => alive && setInfo(i));
    return () => {
      alive = false;
    };
  }, [commerce]);
  return info;
}
