import { describe, expect, it } from "vitest";
import { barChartGeometry } from "~/review/charts";

describe("barChartGeometry", () => {
  it("lays out positive bars on a 0-based axis with round ticks", () => {
    // Plot area 300 × 160 from (20, 20). Max 40 over ~5 ticks → step 10, axis 0–40,
    // y(v) = 20 + (40 − v)/40 × 160, so y(0) = 180. Slots of 100, bars 80 wide, 10 in from each slot edge.
    const chart = barChartGeometry([10, 40, 25], { width: 340, height: 200, padding: 20 });
    expect(chart.baselineY).toBe(180);
    expect(chart.bars).toEqual([
      { value: 10, x: 30, y: 140, width: 80, height: 40 },
      { value: 40, x: 130, y: 20, width: 80, height: 160 },
      { value: 25, x: 230, y: 80, width: 80, height: 100 },
    ]);
    expect(chart.ticks).toEqual([
      { value: 0, y: 180 },
      { value: 10, y: 140 },
      { value: 20, y: 100 },
      { value: 30, y: 60 },
      { value: 40, y: 20 },
    ]);
  });

  it("hangs negative bars below the zero line", () => {
    // Plot area 200 × 150 from (10, 10). Range −5..10 over ~5 ticks → step 5 (3 rounds up to 5),
    // y(v) = 10 + (10 − v)/15 × 150, so the zero line is at 110.
    const chart = barChartGeometry([-5, 10], { width: 220, height: 170, padding: 10 });
    expect(chart.baselineY).toBe(110);
    expect(chart.bars).toEqual([
      { value: -5, x: 20, y: 110, width: 80, height: 50 },
      { value: 10, x: 120, y: 10, width: 80, height: 100 },
    ]);
    expect(chart.ticks.map((t) => [t.value, t.y])).toEqual([
      [-5, 160],
      [0, 110],
      [5, 60],
      [10, 10],
    ]);
  });

  it("labels decimal ticks without floating-point noise", () => {
    // A step of 0.1: 3 × 0.1 would read 0.30000000000000004.
    const ticks = barChartGeometry([0.3], { width: 100, height: 100, padding: 0 }).ticks.map((t) => t.value);
    expect(ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("draws an empty 0–1 axis when there is nothing to chart", () => {
    const chart = barChartGeometry([], { width: 100, height: 100, padding: 0 });
    expect(chart.bars).toEqual([]);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("rejects values and boxes it cannot draw", () => {
    expect(() => barChartGeometry([Number.NaN], { width: 100, height: 100, padding: 0 })).toThrow(RangeError);
    expect(() => barChartGeometry([1], { width: 100, height: 100, padding: 50 })).toThrow(RangeError);
  });
});
