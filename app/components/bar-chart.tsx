import { useId } from "react";
import { barChartGeometry } from "~/review/charts";
import { useFormat } from "./use-format";

const BOX = { width: 420, height: 200, padding: 36 };

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A bar chart drawn on the server as SVG: readable without JavaScript, described for screen
 * readers, with the numbers in a table beside it.
 */
export function BarChart({
  title,
  labels,
  values,
  unit,
}: {
  title: string;
  labels: string[];
  values: number[];
  unit: string;
}) {
  const id = useId();
  const format = useFormat();
  const geometry = barChartGeometry(values, BOX);
  // The numbers as the page's language writes them; the unit comes translated from the page.
  const description = labels
    .map((label, index) => `${label}: ${format.number(round(values[index] ?? 0))} ${unit}`)
    .join("; ");
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <desc id={`${id}-desc`}>{description}</desc>
        {geometry.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={BOX.padding} x2={BOX.width - BOX.padding} y1={tick.y} y2={tick.y} className="chart-grid" />
            <text x={BOX.padding - 6} y={tick.y + 4} textAnchor="end" className="chart-label">
              {format.number(round(tick.value))}
            </text>
          </g>
        ))}
        {geometry.bars.map((bar, index) => (
          <g key={labels[index] ?? index}>
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={Math.max(bar.height, 0.5)}
              className={bar.value < 0 ? "chart-bar negative" : "chart-bar"}
            />
            <text
              x={bar.x + bar.width / 2}
              y={BOX.height - BOX.padding / 2 + 6}
              textAnchor="middle"
              className="chart-label"
            >
              {labels[index]}
            </text>
          </g>
        ))}
        <line
          x1={BOX.padding}
          x2={BOX.width - BOX.padding}
          y1={geometry.baselineY}
          y2={geometry.baselineY}
          className="chart-axis"
        />
      </svg>
    </figure>
  );
}
