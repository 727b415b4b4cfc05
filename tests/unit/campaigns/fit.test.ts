import { describe, expect, it } from "vitest";
import { english } from "../../support/english";
import { availabilityCoverage, scoreFit, workdayOverlapHours, type FitAlly } from "~/campaigns/fit";

const campaign = { startsOn: "2027-02-01", endsOn: "2027-04-30", languages: ["Spanish"], timezone: "America/Bogota" };
const needs = [
  { id: "n1", kind: "skill" as const, value: "security training", open: 2 },
  { id: "n2", kind: "discipline" as const, value: "artist", open: 0 },
];
const ally = (overrides: Partial<FitAlly> = {}): FitAlly => ({
  disciplines: ["educator"],
  skills: ["security training"],
  languages: ["Spanish", "English"],
  timezone: "America/Lima",
  hoursPerMonth: 20,
  availableFrom: null,
  availableUntil: null,
  ...overrides,
});

describe("fit of an ally for a campaign", () => {
  it("counts shared working hours across time zones, both ways round the clock", () => {
    const at = new Date("2027-02-01T12:00:00Z");
    expect(workdayOverlapHours("America/Lima", "America/Bogota", at)).toBe(8);
    expect(workdayOverlapHours("Europe/Berlin", "America/New_York", at)).toBe(2);
    expect(workdayOverlapHours("Asia/Tokyo", "America/Los_Angeles", at)).toBe(1);
    expect(workdayOverlapHours("Asia/Kolkata", "America/Chicago", at)).toBe(0);
  });

  it("measures availability over the campaign's days", () => {
    expect(availabilityCoverage(ally(), campaign)).toBe(1);
    expect(availabilityCoverage(ally({ hoursPerMonth: 0 }), campaign)).toBe(0);
    expect(availabilityCoverage(ally({ availableUntil: "2027-01-31" }), campaign)).toBe(0);
    expect(availabilityCoverage(ally({ availableFrom: "2027-03-17" }), campaign)).toBeCloseTo(45 / 89, 5);
  });

  it("ranks a matching, nearby, available speaker above one who only matches", () => {
    const best = scoreFit(ally(), campaign, needs);
    const far = scoreFit(
      ally({ timezone: "Asia/Tokyo", languages: ["Japanese"], availableUntil: "2027-02-10" }),
      campaign,
      needs,
    );
    expect(best.matchedNeeds.map((need) => need.id)).toEqual(["n1"]);
    // 40 for the need, 15 for Spanish, 15 for a shared working day, 15 for availability.
    expect(best.score).toBe(85);
    expect(far.score).toBeLessThan(best.score);
    expect(far.reasons.map(english).join(" ")).toContain("0 working hours");
  });

  it("ignores needs already filled", () => {
    const fit = scoreFit(ally({ disciplines: ["artist"], skills: [] }), campaign, needs);
    expect(fit.matchedNeeds).toEqual([]);
    expect(fit.score).toBeLessThan(50);
  });
});
