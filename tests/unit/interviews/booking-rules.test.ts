import { describe, expect, it } from "vitest";
import { changeRefusal, freeSeat } from "~/interviews/booking-rules";
import { meanScore, scoresFromValues } from "~/interviews/scores";

const now = new Date("2026-12-10T12:00:00Z");
const at = (iso: string) => ({ startsAt: new Date(iso), cancelledAt: null });

describe("when a finalist may book, move or cancel", () => {
  it("allows it before the host's cut-off", () => {
    expect(changeRefusal(at("2026-12-11T13:00:00Z"), 24, now)).toBeNull();
  });
  it("refuses within the cut-off, after the start, and on a cancelled time", () => {
    expect(changeRefusal(at("2026-12-11T11:00:00Z"), 24, now)).toBe("past_cutoff");
    expect(changeRefusal(at("2026-12-10T12:00:00Z"), 0, now)).toBe("slot_past");
    expect(changeRefusal(at("2026-12-09T12:00:00Z"), 0, now)).toBe("slot_past");
    expect(
      changeRefusal({ startsAt: new Date("2026-12-20T12:00:00Z"), cancelledAt: new Date("2026-12-01") }, 0, now),
    ).toBe("slot_cancelled");
  });
});

describe("seats of a time", () => {
  it("gives the lowest free seat, or none when full", () => {
    expect(freeSeat(1, [])).toBe(1);
    expect(freeSeat(3, [1, 3])).toBe(2);
    expect(freeSeat(2, [2, 1])).toBeNull();
  });
});

describe("interview scores", () => {
  it("keeps the criteria scored and averages them", () => {
    const scores = scoresFromValues({ score_skills: 4, score_fit: 5, score_communication: undefined });
    expect(scores).toEqual({ skills: 4, fit: 5 });
    expect(meanScore(scores)).toBe(4.5);
    expect(meanScore({})).toBeNull();
    expect(meanScore({ skills: 1, fit: 2, communication: 2 })).toBe(1.7);
  });
});
