import { describe, expect, it } from "vitest";
import { cyclePhase } from "~/cycles/cycle-status";
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from "~/utils/timezones";

describe("time zones", () => {
  it("reads a wall-clock deadline in the cycle's zone", () => {
    // 20 April 2027, 17:00 in New York is daylight time (UTC−4).
    expect(zonedLocalToUtc("2027-04-20T17:00", "America/New_York")?.toISOString()).toBe("2027-04-20T21:00:00.000Z");
    // January is standard time (UTC−5); Nairobi has no daylight saving (UTC+3).
    expect(zonedLocalToUtc("2027-01-15T09:30", "America/New_York")?.toISOString()).toBe("2027-01-15T14:30:00.000Z");
    expect(zonedLocalToUtc("2027-01-15T09:30", "Africa/Nairobi")?.toISOString()).toBe("2027-01-15T06:30:00.000Z");
  });

  it("round-trips through the form's datetime-local value", () => {
    const instant = new Date("2027-03-14T12:45:00Z");
    for (const zone of ["America/New_York", "Europe/Brussels", "Asia/Kolkata", "UTC"]) {
      expect(zonedLocalToUtc(utcToZonedLocal(instant, zone), zone)?.toISOString()).toBe(instant.toISOString());
    }
  });

  it("moves a wall time in the skipped spring-forward hour to the instant just after", () => {
    // 14 March 2027 02:30 does not exist in New York (clocks jump from 02:00 to 03:00).
    const result = zonedLocalToUtc("2027-03-14T02:30", "America/New_York")!;
    expect(utcToZonedLocal(result, "America/New_York")).toBe("2027-03-14T03:30");
  });

  it("refuses malformed values and unknown zones", () => {
    expect(zonedLocalToUtc("20 April", "UTC")).toBeNull();
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("America/Bogota")).toBe(true);
  });
});

describe("cyclePhase", () => {
  const cycle = { status: "open" as const, opensAt: "2027-03-21T13:00:00Z", closesAt: "2027-04-20T21:00:00Z" };

  it("follows the dates of an open cycle without anyone pressing a button", () => {
    expect(cyclePhase(cycle, new Date("2027-03-01T00:00:00Z"))).toBe("scheduled");
    expect(cyclePhase(cycle, new Date("2027-04-20T20:59:59Z"))).toBe("accepting");
    expect(cyclePhase(cycle, new Date("2027-04-20T21:00:00Z"))).toBe("closed");
  });

  it("keeps the phases staff set by hand", () => {
    expect(cyclePhase({ ...cycle, status: "draft" }, new Date("2027-04-01T00:00:00Z"))).toBe("draft");
    expect(cyclePhase({ ...cycle, status: "reviewing" }, new Date("2027-04-01T00:00:00Z"))).toBe("reviewing");
  });
});
