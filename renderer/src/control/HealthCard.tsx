import type { StreamHealth } from '../../../common/stream-health.js';
import { MetricGrid } from './MetricGrid.js';
import { useI18n } from '../i18n/i18n.js';
import { Sparkline } from './Sparkline.js';

/** Stream health while on air: a colour grade first, then the four numbers and the bitrate trend. */
export function HealthCard({ health, history, onAir }: { health: StreamHealth | null; history: number[]; onAir: boolean }) {
  const { t } = useI18n();
  const dash = '—';
  const grade = health?.grade ?? null;
  const metrics = [
    { id: 'health-bitrate', label: t.health.bitrate, value: health ? `${health.bitrateKbps} kbps` : dash },
    { id: 'health-fps', label: t.health.fps, value: health ? `${health.fps} fps` : dash },
    { id: 'health-rtt', label: t.health.rtt, value: health?.rttMs != null ? `${health.rttMs} ms` : dash },
    { id: 'health-loss', label: t.health.loss, value: health?.lossPct != null ? `${health.lossPct} %` : dash },
  ];
  return (
    <section className={`card health-card ${grade ? `grade-${grade}` : ''}`}>
      <div className="card-head">
        <h2>{t.health.title}</h2>
        {grade ? <span className={`grade-chip grade-${grade}`}>{t.health.grade[grade]}</span> : <span className="muted small">{onAir ? '…' : t.health.idle}</span>}
      </div>
      <MetricGrid metrics={metrics} />
      <div className="spark-wrap" title={t.health.last60}>
        <Sparkline values={history} className={grade ? `grade-${grade}` : ''} />
        <div className="spark-foot">
          <span>{t.health.last60}</span>
          <span>
            {t.health.resolution}: {health?.resolution ?? dash}
          </span>
        </div>
      </div>
    </section>
  );
}
