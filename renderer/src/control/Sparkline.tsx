/** Bitrate over the last 60 s; the shape tells a seller "steady" or "dropping" at a glance. */
export function Sparkline({ values, slots = 60, className }: { values: number[]; slots?: number; className?: string }) {
  const h = 40;
  const max = Math.max(100, ...values) * 1.15;
  const x0 = slots - values.length;
  const pts = values.map((v, i) => `${x0 + i},${(h - (v / max) * h).toFixed(1)}`);
  return (
    <svg className={`sparkline ${className ?? ''}`} viewBox={`0 0 ${slots - 1} ${h}`} preserveAspectRatio="none" aria-hidden="true">
      {values.length > 1 && (
        <>
          <polygon className="spark-area" points={`${x0},${h} ${pts.join(' ')} ${slots - 1},${h}`} />
          <polyline className="spark-line" points={pts.join(' ')} vectorEffect="non-scaling-stroke" />
        </>
      )}
    </svg>
  );
}
