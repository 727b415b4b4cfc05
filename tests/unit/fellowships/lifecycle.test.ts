import { describe, expect, it } from "vitest";
import {
  addMonths,
  canMoveFellowship,
  canSubmitReport,
  defaultTerm,
  dueDates,
  reportState,
} from "~/fellowships/lifecycle";

const term = { startsOn: "2025-09-01", endsOn: "2026-06-30" };

describe("the schedule of a fellowship year", () => {
  it("puts a monthly check-in on each month's anniversary before the end", () => {
    expect(dueDates({ kind: "check_in", everyMonths: 1, offsetMonths: null }, term)).toEqual([
      "2025-10-01",
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
    ]);
    expect(dueDates({ kind: "check_in", everyMonths: 3, offsetMonths: null }, term)).toEqual([
      "2025-12-01",
      "2026-03-01",
      "2026-06-01",
    ]);
  });

  it("puts the mid-term halfway (or where staff say) and the final report on the last day", () => {
    expect(dueDates({ kind: "midterm", everyMonths: null, offsetMonths: null }, term)).toEqual(["2026-01-30"]);
    expect(dueDates({ kind: "midterm", everyMonths: null, offsetMonths: 4 }, term)).toEqual(["2026-01-01"]);
    expect(dueDates({ kind: "midterm", everyMonths: null, offsetMonths: 36 }, term)).toEqual(["2026-06-30"]);
    expect(dueDates({ kind: "final", everyMonths: null, offsetMonths: null }, term)).toEqual(["2026-06-30"]);
  });

  it("keeps the 31st as the last day of shorter months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-15", -4)).toBe("2025-11-15");
  });

  it("starts a fellowship without a term on the first of next month, for ten months", () => {
    expect(defaultTerm("2026-12-01")).toEqual({ startsOn: "2027-01-01", endsOn: "2027-10-31", cohortYear: 2027 });
    expect(defaultTerm("2026-06-17")).toEqual({ startsOn: "2026-07-01", endsOn: "2027-04-30", cohortYear: 2026 });
  });
});

describe("report states", () => {
  const today = "2026-01-10";
  it("is upcoming until two weeks before, due until its day, then late; submitted is done", () => {
    expect(reportState({ status: "open", dueOn: "2026-02-01" }, today)).toBe("upcoming");
    expect(reportState({ status: "open", dueOn: "2026-01-24" }, today)).toBe("due");
    expect(reportState({ status: "open", dueOn: "2026-01-10" }, today)).toBe("due");
    expect(reportState({ status: "open", dueOn: "2026-01-09" }, today)).toBe("late");
    expect(reportState({ status: "submitted", dueOn: "2026-01-09" }, today)).toBe("submitted");
  });

  it("opens due and late reports to the fellow, unless the fellowship ended early", () => {
    expect(canSubmitReport("due", "active")).toBe(true);
    expect(canSubmitReport("late", "completed")).toBe(true);
    expect(canSubmitReport("upcoming", "active")).toBe(false);
    expect(canSubmitReport("submitted", "active")).toBe(false);
    expect(canSubmitReport("late", "ended_early")).toBe(false);
  });
});

describe("fellowship transitions", () => {
  it("lets an active fellowship complete or end early, and nothing after", () => {
    expect(canMoveFellowship("active", "completed")).toBe(true);
    expect(canMoveFellowship("active", "ended_early")).toBe(true);
    expect(canMoveFellowship("completed", "active")).toBe(false);
    expect(canMoveFellowship("ended_early", "completed")).toBe(false);
  });
});
