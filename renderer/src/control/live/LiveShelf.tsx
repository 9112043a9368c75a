import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { captureClockMs } from '../../live/capture-clock.js';
import { filterShelf, markUsed, shelfItems, type ShelfItem } from './shelf-items.js';
import type { LiveRun } from './useLiveRun.js';

const recentKey = (showId: string) => `lc.shelf.recent.${showId}`;
function loadRecent(showId: string): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(recentKey(showId)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The live shelf: every product, coupon, quiz and poll of the catalog one search away, fired like a
 * run-down cue (the keypress's capture time, the relay's frame-stamped stage), with or without a
 * run-down. Recently used first. "/" focuses the search from anywhere but a text field.
 */
export function LiveShelf({ showId, live, running }: { showId: string; live: LiveRun; running: boolean }) {
  const { t } = useI18n();
  const { items, reload } = useCatalog();
  const [query, setQuery] = useState('');
  const [recent, setRecent] = useState(() => loadRecent(showId));
  const [cursor, setCursor] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const all = useMemo(() => shelfItems(items), [items]);
  const shown = useMemo(() => filterShelf(all, query, recent), [all, query, recent]);
  const at = Math.min(cursor, Math.max(shown.length - 1, 0));

  useEffect(() => localStorage.setItem(recentKey(showId), JSON.stringify(recent)), [showId, recent]);
  // Entering the room reads the catalog afresh: items added elsewhere (another window, an import) are on the shelf.
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || el?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const fire = (item: ShelfItem, captureMs = captureClockMs()) => {
    if (!running) return;
    void live.fireAction(item.key, item.action, captureMs);
    setRecent((r) => markUsed(r, item.key));
  };
  // The shelf's own keys never reach the host keys (N, P, Space…): typing "n" searches.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return; // Enter that finishes a Hangul syllable is not a fire
    if (e.key === 'ArrowDown') setCursor(Math.min(at + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setCursor(Math.max(at - 1, 0));
    else if (e.key === 'Enter' && shown[at]) fire(shown[at], captureClockMs());
    else if (e.key === 'Escape') {
      setQuery('');
      input.current?.blur();
    } else return;
    e.preventDefault();
  };

  return (
    <section className="card live-shelf" data-testid="live-shelf" aria-label={t.shelf.title}>
      <header className="shelf-head">
        <h3>{t.shelf.title}</h3>
        <span className="muted small">{running ? t.shelf.hint : t.shelf.notLive}</span>
      </header>
      <input
        ref={input}
        type="search"
        className="shelf-search"
        data-testid="shelf-search"
        placeholder={t.shelf.search}
        aria-label={t.shelf.search}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCursor(0);
        }}
        onKeyDown={onKeyDown}
        maxLength={80}
      />
      {all.length === 0 ? (
        <p className="muted">{t.shelf.emptyCatalog}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t.shelf.empty}</p>
      ) : (
        <ul className="shelf-list" role="listbox" aria-label={t.shelf.title}>
          {shown.slice(0, 50).map((item, i) => (
            <li key={item.key} role="option" aria-selected={i === at} className={`shelf-item ${i === at ? 'selected' : ''}`} data-testid="shelf-item" data-key={item.key} data-state={live.pending[`shelf:${item.key}`] ?? ''}>
              <span className={`shelf-kind kind-${item.kind}`}>{t.shelf.kind[item.kind]}</span>
              <span className="shelf-label">{item.label}</span>
              {item.stock !== null && <span className="shelf-stock muted small">{t.shelf.stock(item.stock)}</span>}
              {recent.includes(item.key) && <span className="shelf-recent muted small">{t.shelf.recent}</span>}
              <button type="button" className="btn small" disabled={!running} data-testid="shelf-fire" onClick={() => fire(item)}>
                {t.shelf.show}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
