import { useEffect, useState } from 'react';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import { onStoreProfileSaved } from '../screens/store/store-profile-saved.js';

/**
 * Before going live: a warning (never a block) when the store profile is empty, since buyers would
 * see "판매자 정보가 등록되지 않았습니다". Silent when the relay cannot be asked: the relay banner says that.
 */
export function StoreProfileReminder() {
  const { t } = useI18n();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let alive = true;
    const check = () =>
      bridge.invoke('store.profile.get', {}).then(
        (a) => alive && setMissing(a.profile === null),
        () => undefined,
      );
    void check();
    const off = onStoreProfileSaved(() => void check());
    return () => {
      alive = false;
      off();
    };
  }, []);
  if (!missing) return null;
  return (
    <p className="golive-warning" role="note" data-testid="golive-store-missing">
      ⚠ {t.store.checkStoreMissing}
    </p>
  );
}
