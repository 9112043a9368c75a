import { frameFor, stepPoints, ticks, xAt, yAt, type Sample } from '../charts.js';

const W = 640;
const H = 170;
const PAD = { left: 40, right: 12, top: 14, bottom: 24 };

export interface Marker {
  at: number;
  label: string;
}

/**
 * Viewers over time as a step line (counts hold between samples), with optional numbered cue
 * markers on the same time axis. Hand-written SVG; colours are attributes so print keeps them.
 */
export function ViewersChart({ samples, markers = [], lang, label, testId }: { samples: Sample[]; markers?: Marker[]; lang: 'ko' | 'en'; label: string; testId?: string }) {
  const f = frameFor(samples, W - PAD.left - PAD.right, H - PAD.top - PAD.bottom, markers.map((m) => m.at));
  const time = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { hour: '2-digit', minute: '2-digit' });
  const pts = stepPoints(samples, f);
  const last = samples.at(-1);
  const area = samples.length > 1 && last ? `${xAt(f, samples[0]!.at).toFixed(1)},${f.height} ${pts} ${xAt(f, last.at).toFixed(1)},${f.height}` : '';
  return (
    <figure className="chart viewers-chart" data-testid={testId} data-samples={samples.length} data-markers={markers.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {ticks(f.max).map((v) => (
            <g key={v}>
              <line x1={0} x2={f.width} y1={yAt(f, v)} y2={yAt(f, v)} stroke="#8a93a3" strokeOpacity={0.25} />
              <text x={-6} y={yAt(f, v) + 4} textAnchor="end" fontSize={11} fill="#8a93a3">
                {Math.round(v)}
              </text>
            </g>
          ))}
          {markers.map((m, i) => (
            <g key={`${m.at}-${i}`} className="chart-marker">
              <title>{m.label}</title>
              <line x1={xAt(f, m.at)} x2={xAt(f, m.at)} y1={0} y2={f.height} stroke="#f5a524" strokeDasharray="3 3" strokeWidth={1.5} />
              <circle cx={xAt(f, m.at)} cy={-5} r={7} fill="#f5a524" />
              <text x={xAt(f, m.at)} y={-1.5} textAnchor="middle" fontSize={9} fontWeight={800} fill="#1b1300">
                {i + 1}
              </text>
            </g>
          ))}
          {area && <polygon points={area} fill="#4d7cfe" fillOpacity={0.18} />}
          {samples.length > 1 && <polyline points={pts} fill="none" stroke="#4d7cfe" strokeWidth={2.5} strokeLinejoin="round" />}
          {samples.length === 1 && <circle cx={xAt(f, samples[0]!.at)} cy={yAt(f, samples[0]!.viewers)} r={4} fill="#4d7cfe" />}
          <text x={0} y={f.height + 17} fontSize={11} fill="#8a93a3">
            {time.format(f.t0)}
          </text>
          <text x={f.width} y={f.height + 17} fontSize={11} fill="#8a93a3" textAnchor="end">
            {time.format(f.t1)}
          </text>
        </g>
      </svg>
      {markers.length > 0 && (
        <ol className="marker-legend">
          {markers.map((m, i) => (
            <li key={`${m.at}-${i}`}>
              <span className="marker-num">{i + 1}</span>
              <span className="muted">{time.format(m.at)}</span> {m.label}
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
