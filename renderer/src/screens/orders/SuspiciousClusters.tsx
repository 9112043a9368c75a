import { useState } from 'react';
import type { OrderCluster } from '../../../../common/commerce/clusters.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * The seller's fraud view (docs/identity-and-fairness.md): asked for on demand, not polled; each
 * cluster can be cancelled in one go (unpaid orders only; the relay refuses paid ones).
 */
export function SuspiciousClusters({ showId, onChanged }: { showId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const c = t.commerce.orders.clusters;
  const [clusters, setClusters] = useState<OrderCluster[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const check = async () => {
    setBusy('check');
    setNote(null);
    try {
      setClusters(await bridge.invoke('orders.clusters', { showId }));
    } catch (e) {
      setNote({ ok: false, text: `${c.failed} ${say(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const cancelAll = async (cluster: OrderCluster) => {
    const key = `${cluster.by}:${cluster.key}`;
    setBusy(key);
    try {
      const r = await bridge.invoke('orders.cancelMany', { showId, orderIds: cluster.orderIds, reason: `cluster ${key}` });
      setNote({ ok: true, text: c.done(r.cancelled.length, r.refused.length) });
      onChanged();
      setClusters(await bridge.invoke('orders.clusters', { showId }));
    } catch (e) {
      setNote({ ok: false, text: `${c.failed} ${say(e)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card orders-clusters" data-testid="orders-clusters">
      <div className="orders-bar">
        <div>
          <strong>{c.title}</strong>
          <p className="muted">{c.lead}</p>
        </div>
        <button type="button" className="btn" onClick={() => void check()} disabled={busy !== null} data-testid="orders-clusters-check">
          {busy === 'check' ? c.checking : c.check}
        </button>
      </div>
      {note && (
        <p className={note.ok ? 'notice' : 'form-error'} role="status" data-testid="orders-clusters-note">
          {note.text}
        </p>
      )}
      {clusters && clusters.length === 0 && (
        <p className="muted" data-testid="orders-clusters-none">
          {c.none}
        </p>
      )}
      {clusters && clusters.length > 0 && (
        <ul className="order-list" data-testid="orders-clusters-list">
          {clusters.map((cl) => {
            const key = `${cl.by}:${cl.key}`;
            return (
              <li key={key} data-testid="orders-cluster" data-by={cl.by} data-count={cl.orderIds.length}>
                <span>
                  {c.by[cl.by]} <code>{cl.key}</code> · {c.orders(cl.orderIds.length)}
                </span>{' '}
                <button type="button" className="btn small danger-outline" onClick={() => void cancelAll(cl)} disabled={busy !== null} data-testid="orders-cluster-cancel">
                  {busy === key ? c.cancelling : c.cancelAll(cl.orderIds.length)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
