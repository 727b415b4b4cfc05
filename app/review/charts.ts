/**
 * Geometry for the server-rendered SVG bar charts of the review pages, as plain numbers in SVG
 * user units (y grows downwards). Values may be negative (strictness deviations, z-scores): bars
 * grow up or down from the zero line.
 */

export interface ChartBox {
  width: number;
  height: number;
  /** Space kept free on every side, for axis labels. */
  padding: number;
}

export interface BarGeometry {
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AxisTick {
  value: number;
  y: number;
}

export interface BarChartGeometry {
  bars: BarGeometry[];
  ticks: AxisTick[];
  /** Where the zero line is drawn. */
  baselineY: number;
}

/** Share of each bar's slot left empty, split evenly on both sides. */
const BAR_GAP = 0.2;
const TARGET_TICK_COUNT = 5;

export function barChartGeometry(values: readonly number[], box: ChartBox): BarChartGeometry {
  if (!values.every(Number.isFinite)) throw new RangeError("Chart values must be finite numbers.");
  const plotWidth = box.width - 2 * box.padding;
  const plotHeight = box.height - 2 * box.padding;
  if (!(plotWidth > 0 && plotHeight > 0)) throw new RangeError("The padding leaves no room for the chart.");

  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const axisMin = ticks[0] ?? 0;
  const axisMax = ticks[ticks.length - 1] ?? 1;
  const yOf = (value: number) => box.padding + ((axisMax - value) / (axisMax - axisMin)) * plotHeight;
  const baselineY = yOf(0);
  const slot = plotWidth / values.length;
  const inset = (slot * BAR_GAP) / 2;

  const bars = values.map((value, index) => ({
    value,
    x: box.padding + slot * index + inset,
    y: Math.min(yOf(value), baselineY),
    width: slot * (1 - BAR_GAP),
    height: Math.abs(yOf(value) - baselineY),
  }));
  return { bars, ticks: ticks.map((value) => ({ value, y: yOf(value) })), baselineY };
}

/** Evenly spaced ticks at 1, 2 or 5 × 10ⁿ covering [min, max]; [0, 1] when there is nothing to span. */
function niceTicks(min: number, max: number): number[] {
  const span = max > min ? max - min : 1;
  let exponent = Math.floor(Math.log10(span / TARGET_TICK_COUNT));
  const fraction = span / TARGET_TICK_COUNT / 10 ** exponent;
  let mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  if (mantissa === 10) [mantissa, exponent] = [1, exponent + 1];

  // Tick k is k·mantissa·10^exponent built from integers, so labels read 0.3, never 0.30000000000000004.
  const tickValue = (k: number) => (exponent >= 0 ? k * mantissa * 10 ** exponent : (k * mantissa) / 10 ** -exponent);
  const step = tickValue(1);
  // The allowance stops a max of 0.07 over a 0.01 step (7.000000000000001 steps) gaining an empty tick.
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil((min + span) / step - 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => tickValue(first + i));
}
