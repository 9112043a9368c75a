import { useI18n } from '../i18n/i18n.js';

export function ViewerCount({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <div className="viewer-count" data-testid="viewer-count" title={t.room.viewers}>
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      <strong>{count}</strong>
      <span>{t.room.viewers}</span>
    </div>
  );
}
