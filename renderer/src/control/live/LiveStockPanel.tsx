import { useCallback, useEffect, useState } from 'react';
import type { StudioError } from '../../../../common/ipc-contract.js';
import type { LiveSpecial, RestockDemand } from '../../../../common/commerce/live-selling.js';
import type { StockLevel } from '../../../../common/commerce/show-catalog.js';
import { mmss } from '../../../../common/countdown.js';
import { bridge } from '../../bridge.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

const lineKey = (productId: string, optionId: string | null) => `${productId}/${optionId ?? ''}`;

/**
 * The host's live selling controls: stock per product/option from the relay (+10, or a typed figure
 * sent as a delta guarded by the level shown, so a sale in between is a visible conflict, never an
 * overwrite), the 라이브 특가 with its countdown, and how many viewers wait for a sold-out line.
 */
export function LiveStockPanel({ showId }: { showId: string }) {
  const { t } = useI18n();
  const say = useErrorText();
  const L = t.liveSelling;
  const { items } = useCatalog();
  const [stock, setStock] = useState<Map<string, number>>(new Map());
  const [specials, setSpecials] = useState<LiveSpecial[]>([]);
  const [demand, setDemand] = useState<Map<string, number>>(new Map());
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    const [levels, sp, dem] = await Promise.all([bridge.invoke('live.stock', { showId }), bridge.invoke('live.specials', { showId }), bridge.invoke('live.restockDemand', { showId })]);
    setStock(new Map(levels.map((l: StockLevel) => [lineKey(l.productId, l.optionId), l.stock])));
    setSpecials(sp);
    setDemand(new Map(dem.map((d: RestockDemand) => [lineKey(d.productId, d.optionId), d.waiting])));
  }, [showId]);

  useEffect(() => {
    void refresh().catch(() => undefined);
    const off = bridge.on('relay.stock', () => void refresh().catch(() => undefined));
    // Demand and specials have no studio event: a slow poll plus a 1 s tick for the countdowns.
    const poll = setInterval(() => void refresh().catch(() => undefined), 5000);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      off();
      clearInterval(poll);
      clearInterval(tick);
    };
  }, [refresh]);

  const adjust = async (productId: string, optionId: string | null, delta: number, expectedStock: number) => {
    if (delta === 0) return;
    try {
      const res = await bridge.invoke('live.adjustStock', { showId, productId, optionId, delta, expectedStock });
      setNote({ text: L.restocked(res.notified), error: false });
    } catch (e) {
      const err = e as StudioError;
      if (err.code === 'stock_changed') {
        await refresh().catch(() => undefined);
        const levels = await bridge.invoke('live.stock', { showId }).catch(() => []);
        const current = levels.find((l) => l.productId === productId && l.optionId === optionId)?.stock ?? expectedStock;
        setNote({ text: L.conflict(expectedStock, current), error: true });
        return;
      }
      setNote({ text: L.failed(say(e)), error: true });
    }
    await refresh().catch(() => undefined);
  };

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setNote(null);
    } catch (e) {
      setNote({ text: L.failed(say(e)), error: true });
    }
    await refresh().catch(() => undefined);
  };

  return (
    <section className="card live-stock" data-testid="live-stock" aria-label={L.title}>
      <h3>{L.title}</h3>
      {note && (
        <p className={note.error ? 'banner banner-error' : 'banner'} role={note.error ? 'alert' : 'status'} data-testid="live-stock-note">
          {note.text}
        </p>
      )}
      <ul className="live-stock-list">
        {(items.products ?? []).map((p) => {
          const special = specials.find((s) => s.productId === p.id && s.endsAt > now);
          const lines = p.options.length ? p.options.map((o) => ({ optionId: o.id as string | null, name: o.name })) : [{ optionId: null, name: '' }];
          return (
            <li key={p.id} className="live-stock-product" data-testid="live-stock-product" data-product-id={p.id}>
              <strong>{p.name}</strong>
              <SpecialControls special={special} now={now} regular={p.salePrice ?? p.price} onStart={(price, minutes) => act(() => bridge.invoke('live.startSpecial', { showId, productId: p.id, price, minutes }))} onEnd={() => act(() => bridge.invoke('live.endSpecial', { showId, productId: p.id }))} />
              {lines.map((line) => {
                const key = lineKey(p.id, line.optionId);
                const level = stock.get(key) ?? 0;
                const waiting = demand.get(key) ?? 0;
                return <StockLine key={key} label={line.name} level={level} waiting={waiting} onAdjust={(delta) => adjust(p.id, line.optionId, delta, level)} />;
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StockLine({ label, level, waiting, onAdjust }: { label: string; level: number; waiting: number; onAdjust: (delta: number) => Promise<void> }) {
  const { t } = useI18n();
  const L = t.liveSelling;
  const [typed, setTyped] = useState('');
  const target = Number(typed);
  const valid = typed.trim() !== '' && Number.isInteger(target) && target >= 0 && target <= 1_000_000;
  return (
    <div className="live-stock-line" data-testid="live-stock-line" data-option={label} data-stock={level}>
      {label && <span className="line-name">{label}</span>}
      <span className={level === 0 ? 'sold-out' : ''} data-testid="live-stock-level">{L.stock(level)}</span>
      {level === 0 && waiting > 0 && <span className="muted small" data-testid="live-stock-waiting">{L.waiting(waiting)}</span>}
      <button type="button" className="btn small" data-testid="live-stock-plus10" onClick={() => void onAdjust(10)}>
        {L.addTen}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void onAdjust(target - level).then(() => setTyped(''));
        }}
      >
        <input type="number" min={0} max={1_000_000} inputMode="numeric" aria-label={`${L.setTo} ${label}`} placeholder={L.setTo} data-testid="live-stock-set" value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
        <button type="submit" className="btn small" disabled={!valid || target === level} data-testid="live-stock-apply">
          {L.apply}
        </button>
      </form>
    </div>
  );
}

function SpecialControls({ special, now, regular, onStart, onEnd }: { special: LiveSpecial | undefined; now: number; regular: number; onStart: (price: number, minutes: number) => Promise<void>; onEnd: () => Promise<void> }) {
  const { t } = useI18n();
  const L = t.liveSelling;
  const [price, setPrice] = useState('');
  const [minutes, setMinutes] = useState('5');
  if (special)
    return (
      <div className="live-special on" data-testid="live-special-running" role="timer">
        <span>
          {special.price.toLocaleString()} · {L.running(mmss(special.endsAt - now))}
        </span>
        <button type="button" className="btn small" data-testid="live-special-end" onClick={() => void onEnd()}>
          {L.end}
        </button>
      </div>
    );
  const p = Number(price);
  const m = Number(minutes);
  const valid = Number.isInteger(p) && p > 0 && p < regular && Number.isInteger(m) && m >= 1 && m <= 180;
  return (
    <form
      className="live-special"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void onStart(p, m).then(() => setPrice(''));
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <input type="number" min={1} max={regular - 1} aria-label={L.specialPrice} placeholder={L.specialPrice} data-testid="live-special-price" value={price} onChange={(e) => setPrice(e.target.value)} />
      <input type="number" min={1} max={180} aria-label={L.minutes} data-testid="live-special-minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <span className="muted small">{L.minutes}</span>
      <button type="submit" className="btn small primary" disabled={!valid} data-testid="live-special-start">
        {L.start}
      </button>
    </form>
  );
}
