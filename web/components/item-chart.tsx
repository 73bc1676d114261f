import { usePage } from '../page-context.ts';
import { formatNumber, formatPercent } from '../format.ts';
/** A question on the chart: its number in the table, facility (0..1) and discrimination index (−1..1). */
export interface ChartPoint {
  label: string;
  facility: number;
  discrimination: number;
}

const W = 420;
const H = 300;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };
const x = (f: number) => PAD.left + f * (W - PAD.left - PAD.right);
const y = (d: number) => PAD.top + ((1 - d) / 2) * (H - PAD.top - PAD.bottom);

/**
 * Facility against discrimination as a server-rendered SVG (no script). The dashed lines mark where the flags
 * start (facility 10 % and 90 %, discrimination 0.15); the question table is its text alternative.
 */
export function ItemChart({
  points,
  title,
  desc,
  xLabel,
  yLabel,
}: {
  points: ChartPoint[];
  title: string;
  desc: string;
  xLabel: string;
  yLabel: string;
}) {
  return (
    <svg class="item-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="chart-title chart-desc">
      <title id="chart-title">{title}</title>
      <desc id="chart-desc">{desc}</desc>
      <Axes xLabel={xLabel} yLabel={yLabel} />
      {points.map((p) => (
        <g key={p.label} class="item-point">
          <circle cx={x(p.facility)} cy={y(p.discrimination)} r="9" fill="#1d4ed8" fill-opacity="0.85" />
          <text x={x(p.facility)} y={y(p.discrimination) + 4} text-anchor="middle" font-size="10" fill="#fff">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * The plot's frame, its ticks (facility 0–100 %, discrimination −1 to 1), the zero line, the dashed lines where the
 * flags start, and the axis titles.
 */
function Axes({ xLabel, yLabel }: { xLabel: string; yLabel: string }) {
  const { lang } = usePage();
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <>
      <rect
        x={PAD.left}
        y={PAD.top}
        width={W - PAD.left - PAD.right}
        height={H - PAD.top - PAD.bottom}
        fill="none"
        stroke="currentColor"
        stroke-opacity="0.4"
      />
      {ticks.map((f) => (
        <text key={`x${f}`} x={x(f)} y={H - PAD.bottom + 16} text-anchor="middle" font-size="11" fill="currentColor">
          {formatPercent(lang, f)}
        </text>
      ))}
      {[-1, -0.5, 0, 0.5, 1].map((d) => (
        <text key={`y${d}`} x={PAD.left - 6} y={y(d) + 4} text-anchor="end" font-size="11" fill="currentColor">
          {formatNumber(lang, d)}
        </text>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="currentColor" stroke-opacity="0.4" />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0.15)} y2={y(0.15)} stroke="#b45309" stroke-dasharray="4 3" />
      {[0.1, 0.9].map((f) => (
        <line key={f} x1={x(f)} x2={x(f)} y1={PAD.top} y2={H - PAD.bottom} stroke="#b45309" stroke-dasharray="4 3" />
      ))}
      <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} text-anchor="middle" font-size="12" fill="currentColor">
        {xLabel}
      </text>
      <text
        x={12}
        y={(PAD.top + H - PAD.bottom) / 2}
        text-anchor="middle"
        font-size="12"
        fill="currentColor"
        transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}
      >
        {yLabel}
      </text>
    </>
  );
}
