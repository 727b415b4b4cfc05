import { describe, expect, it } from "vitest";
import { retryDelayMs } from "~/email/delivery.server";

describe("retryDelayMs", () => {
  it("doubles from the base delay", () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("is capped at six hours", () => {
    expect(retryDelayMs(40, 30_000)).toBe(6 * 60 * 60 * 1000);
  });
});
