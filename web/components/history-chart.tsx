export interface HistoryPoint {
  label: string;
  share: number;
  date: string;
}

/**
 * Scores over time as a small SVG bar chart: one bar per attempt, oldest first. Drawn with attributes only
 * (the CSP allows no inline styles); the caption and a per-bar <title> say the same in words.
 */
export function HistoryChart({ points, title, caption }: { points: HistoryPoint[]; title: string; caption: string }) {
  const shown = points.slice(-30);
  const w = 320;
  const h = 120;
  const pad = 20;
  const bw = Math.max(4, Math.min(24, (w - pad) / Math.max(1, shown.length) - 3));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h + 20}`} width="100%" height="160" role="img" aria-labelledby="chart-title">
        <title id="chart-title">{title}</title>
        {[0, 0.5, 1].map((y) => (
          <g key={y}>
            <line x1={pad} x2={w} y1={h - y * (h - 10)} y2={h - y * (h - 10)} stroke="#d5dbe1" stroke-width="1" />
            <text x="0" y={h - y * (h - 10) + 4} font-size="10" fill="#505a66">
              {Math.round(y * 100)}
            </text>
          </g>
        ))}
        {shown.map((p, i) => {
          const bh = Math.max(2, p.share * (h - 10));
          return (
            <rect key={i} x={pad + 4 + i * (bw + 3)} y={h - bh} width={bw} height={bh} rx="2" fill={p.share >= 0.8 ? '#1a6b35' : '#0b57a4'}>
              <title>{`${p.label}: ${Math.round(p.share * 100)} % (${p.date})`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
