import { SellerFooter } from './SellerInfo.js';
import { useEffect, useState } from 'react';
import type { PublicShow } from '../../../common/show.js';
import { countdown, formatCount, formatWhen, pad2 } from './format.js';
import { t } from './i18n.js';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function CountdownView({ at }: { at: string }) {
  const now = useNow(1000);
  const left = countdown(at, now);
  if (!left) return <p className="soon-now">{t.startingNow}</p>;
  const parts: [string, string][] = [
    [pad2(left.hours), t.hours],
    [pad2(left.minutes), t.minutes],
    [pad2(left.seconds), t.seconds],
  ];
  if (left.days > 0) parts.unshift([String(left.days), t.days]);
  return (
    <div className="countdown" data-testid="countdown" role="timer">
      {parts.map(([value, label]) => (
        <div className="countdown-cell" key={label}>
          <span className="countdown-value">{value}</span>
          <span className="countdown-label">{label}</span>
        </div>
      ))}
    </div>
  );
}

export function Scheduled({ show, viewers }: { show: PublicShow; viewers: number | null }) {
  const when = show.scheduledAt ? formatWhen(show.scheduledAt) : null;
  return (
    <main className="card-screen">
      <div className="card">
        <p className="eyebrow">{t.startsSoon}</p>
        <h1 className="title">{show.title}</h1>
        {when && (
          <p className="when">
            <span className="when-label">{t.startsAt}</span> <time dateTime={show.scheduledAt ?? undefined}>{when}</time>
          </p>
        )}
        {show.scheduledAt && <CountdownView at={show.scheduledAt} />}
        {viewers !== null && (
          <p className="pill muted" data-testid="viewer-count">
            <span className="dot" aria-hidden="true" />
            {t.waiting(formatCount(viewers))}
          </p>
        )}
      </div>
      <SellerFooter />
    </main>
  );
}
