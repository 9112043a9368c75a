import { useCommerce } from './commerce-context.js';
import { useDisplay } from './display-context.js';
import { c } from './i18n-commerce.js';

/** "김**님이 린넨 셔츠를 구매했어요": at most two at a time, a few seconds each (the queue in CommerceStore). */
export function PurchaseToasts() {
  const [view] = useCommerce();
  // The relay stops sending notices when the host turns them off; this also drops any still queued.
  const { purchases } = useDisplay();
  if (!purchases || !view.toasts.length) return null;
  return (
    <div className="toasts" aria-live="polite" aria-atomic="false">
      {view.toasts.map((toast) => (
        <p key={toast.id} className="toast" data-testid="purchase-toast">
          <span className="toast-icon" aria-hidden="true">
            <svg width="13" height="13" viewBox="0 0 24 24" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
              <path d="M6 7h12l-1 13H7L6 7z" />
              <path d="M9 7a3 3 0 0 1 6 0" />
            </svg>
          </span>
          <span className="toast-text">{c.bought(toast.item.buyer, toast.item.productName, toast.item.quantity)}</span>
        </p>
      ))}
    </div>
  );
}
