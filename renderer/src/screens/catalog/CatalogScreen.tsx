import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOG_KINDS, useCatalog, type CatalogKind } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { CouponsTab } from './CouponsTab.js';
import { PollsTab } from './PollsTab.js';
import { ProductsTab } from './ProductsTab.js';
import { QuizzesTab } from './QuizzesTab.js';

let lastTab: CatalogKind = 'products';

/** The catalog: four tabs (ARIA tabs: ←/→ move between them), each a list beside its form. */
export function CatalogScreen() {
  const { t } = useI18n();
  const { items, reload } = useCatalog();
  const [tab, setTab] = useState<CatalogKind>(lastTab);
  const refs = useRef<Partial<Record<CatalogKind, HTMLButtonElement | null>>>({});
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    lastTab = tab;
  }, [tab]);

  const onKey = (e: KeyboardEvent) => {
    const i = CATALOG_KINDS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? CATALOG_KINDS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const k = CATALOG_KINDS[(next + CATALOG_KINDS.length) % CATALOG_KINDS.length]!;
    setTab(k);
    refs.current[k]?.focus();
  };

  return (
    <div className="page catalog-page">
      <div className="page-head">
        <div>
          <h1>{t.catalog.title}</h1>
          <p className="muted">{t.catalog.lead}</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t.catalog.title} onKeyDown={onKey}>
        {CATALOG_KINDS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              refs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className="tab"
            data-testid={`catalog-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t.catalog.tabs[k]}
            {items[k] && <span className="count-chip">{items[k].length}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'products' && <ProductsTab />}
        {tab === 'coupons' && <CouponsTab />}
        {tab === 'quizzes' && <QuizzesTab />}
        {tab === 'polls' && <PollsTab />}
      </div>
    </div>
  );
}
