import { useEffect, useState } from 'react';
import type { RelayStatus } from '../../../common/ipc-contract.js';
import { useI18n } from '../i18n/i18n.js';

/** The core reconnects its relay link within a second; only trouble that lasts deserves a red banner. */
const SHOW_AFTER_MS = 2000;

/** Tells the seller, above every screen, when the relay cannot be reached or refuses the key. */
export function RelayBanner({ status, onOpenSettings }: { status: RelayStatus | null; onOpenSettings: () => void }) {
  const { t, lang } = useI18n();
  const bad = !!status && !(status.reachable && status.authorized);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!bad) return setVisible(false);
    const id = setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => clearTimeout(id);
  }, [bad]);
  if (!status || !bad || !visible) return null;
  const title = status.reachable ? t.banner.unauthorized : t.banner.unreachable;
  return (
    <div className="banner banner-error" role="alert" data-testid="relay-banner">
      <div>
        <strong>{title}</strong>
        {/* The core's detail is English; the Korean title already says what is wrong and where to fix it. */}
        {status.message && lang === 'en' && <span className="banner-detail">{status.message}</span>}
      </div>
      <button type="button" className="btn small" onClick={onOpenSettings}>
        {t.banner.openSettings}
      </button>
    </div>
  );
}
