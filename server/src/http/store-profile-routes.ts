import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import type { StoreProfileStore } from '../commerce/store-profile-store.js';
import type { DeclaredApi } from './declared.js';

/**
 * The store profile: the studio reads and replaces it (studio key); every watch link reads it, since
 * the law wants it shown to anyone who may buy (the token is checked by the declared route).
 */
export function addStoreProfileRoutes(api: DeclaredApi, profiles: StoreProfileStore): void {
  api
    .serve(R.storeProfile, () => profiles.get())
    .serve(R.saveStoreProfile, ({ body }) => profiles.save(body))
    .serve(R.sellerInfo, () => profiles.get());
}
