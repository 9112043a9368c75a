import type { ReactNode } from 'react';
import { useCatalog, type CatalogKind } from '../../catalog/catalog-data.js';
import { errorText } from '../../errors/error-text.js';
import { useI18n } from '../../i18n/i18n.js';

/** The list card every catalog tab shares: title and count, "New …", loading, load errors, empty state. */
export function ListShell({ kind, count, onNew, children }: { kind: CatalogKind; count: number | undefined; onNew: () => void; children: ReactNode }) {
  const { t, lang } = useI18n();
  const { errors, unreadable, reload } = useCatalog();
  const error = errors[kind] === undefined ? null : errorText(errors[kind], t, lang);
  const bad = unreadable[kind] ?? 0;
  return (
    <section className="card list-card" aria-labelledby={`list-${kind}`}>
      <div className="card-head">
        <h2 id={`list-${kind}`}>
          {t.catalog.tabs[kind]} {count !== undefined && <span className="count-chip">{count}</span>}
        </h2>
        <button type="button" className="btn small primary" data-testid={`${kind}-new-button`} onClick={onNew}>
          + {t.catalog.newItem[kind]}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {t.catalog.loadFailed} {error}{' '}
          <button type="button" className="btn small" onClick={() => void reload(kind)}>
            {t.common.retry}
          </button>
        </div>
      )}
      {bad > 0 && <p className="banner-inline warn">{t.catalog.unreadable(bad)}</p>}
      {count === undefined && !error && <p className="muted">{t.common.loading}</p>}
      {count === 0 && <p className="muted empty">{t.catalog.empty[kind]}</p>}
      {!!count && children}
    </section>
  );
}
