import type { ObsStreamHealth } from '../../../../common/obs.js';
import { MetricGrid } from '../MetricGrid.js';
import { useI18n } from '../../i18n/i18n.js';

/** OBS's stream output: bitrate from outputBytes over time, skipped and render-lagged frames, congestion. */
export function ObsHealthCard({ health }: { health: ObsStreamHealth | null }) {
  const { t } = useI18n();
  const h = t.obs.health;
  const dash = '—';
  const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : '0 %');
  const active = health?.active ?? false;
  const metrics = [
    { id: 'obs-health-bitrate', label: h.bitrate, value: active && health?.bitrateKbps != null ? `${health.bitrateKbps} kbps` : dash },
    { id: 'obs-health-skipped', label: h.dropped, value: health && active ? `${health.skippedFrames} (${pct(health.skippedFrames, health.totalFrames)})` : dash },
    { id: 'obs-health-render', label: h.render, value: health ? `${health.renderSkippedFrames} (${pct(health.renderSkippedFrames, health.renderTotalFrames)})` : dash },
    { id: 'obs-health-congestion', label: h.congestion, value: health && active ? `${Math.round(health.congestion * 100)} %` : dash },
  ];
  const grade = !active ? null : health!.reconnecting || health!.congestion > 0.5 ? 'poor' : health!.congestion > 0.1 ? 'fair' : 'good';
  return (
    <section className={`card health-card obs-health ${grade ? `grade-${grade}` : ''}`} data-testid="obs-health">
      <div className="card-head">
        <h2>{h.title}</h2>
        {grade ? <span className={`grade-chip grade-${grade}`}>{t.health.grade[grade]}</span> : <span className="muted small">{h.idle}</span>}
      </div>
      {health?.reconnecting && (
        <div className="banner banner-warn" role="status">
          {h.reconnecting}
        </div>
      )}
      <MetricGrid metrics={metrics} />
    </section>
  );
}
