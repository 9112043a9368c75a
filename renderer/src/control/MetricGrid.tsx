/** A health card's numbers: label above value, each value with its test id. */
export function MetricGrid({ metrics }: { metrics: { id: string; label: string; value: string }[] }) {
  return (
    <div className="metrics">
      {metrics.map((m) => (
        <div className="metric" key={m.id}>
          <span className="metric-label">{m.label}</span>
          <span className="metric-value" data-testid={m.id}>
            {m.value}
          </span>
        </div>
      ))}
    </div>
  );
}
