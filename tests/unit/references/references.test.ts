import { describe, expect, it } from "vitest";
import {
  describeMissing,
  handReminderWait,
  letterDownloadName,
  linkExpiry,
  linkState,
  missingItems,
  referenceDeadline,
  referenceProgress,
  scheduledReminderDue,
} from "~/references/references";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2027-01-10T12:00:00Z");

describe("reference rules", () => {
  it("takes letters until the cycle's reference deadline, or two weeks after the application deadline", () => {
    const closesAt = new Date("2027-01-15T00:00:00Z");
    expect(referenceDeadline({ closesAt, referenceDeadline: null })).toEqual(new Date("2027-01-29T00:00:00Z"));
    expect(referenceDeadline({ closesAt, referenceDeadline: "2027-02-01T00:00:00Z" })).toEqual(
      new Date("2027-02-01T00:00:00Z"),
    );
  });

  it("gives a link thirty days, never past the deadline", () => {
    expect(linkExpiry(new Date(now.getTime() + 90 * DAY), now)).toEqual(new Date(now.getTime() + 30 * DAY));
    expect(linkExpiry(new Date(now.getTime() + 2 * DAY), now)).toEqual(new Date(now.getTime() + 2 * DAY));
  });

  it("reads a link as used, revoked, withdrawn, expired or open, in that order", () => {
    const later = new Date(now.getTime() + DAY);
    const open = { applicationWithdrawn: false, deadline: later, now };
    expect(linkState({ status: "requested", expiresAt: later }, open)).toBe("open");
    expect(linkState({ status: "received", expiresAt: later }, { ...open, applicationWithdrawn: true })).toBe(
      "received",
    );
    expect(linkState({ status: "revoked", expiresAt: later }, open)).toBe("revoked");
    expect(linkState({ status: "requested", expiresAt: later }, { ...open, applicationWithdrawn: true })).toBe(
      "withdrawn",
    );
    expect(linkState({ status: "requested", expiresAt: now }, open)).toBe("expired");
    expect(linkState({ status: "requested", expiresAt: later }, { ...open, deadline: now })).toBe("expired");
  });

  it("marks a letter still awaited two weeks after the request, or after the application deadline, as overdue", () => {
    const recent = { status: "requested" as const, createdAt: new Date(now.getTime() - 3 * DAY) };
    const old = { status: "requested" as const, createdAt: new Date(now.getTime() - 15 * DAY) };
    const nextWeek = new Date(now.getTime() + 7 * DAY);
    expect(referenceProgress(recent, nextWeek, now)).toBe("requested");
    expect(referenceProgress(old, nextWeek, now)).toBe("overdue");
    expect(referenceProgress(recent, new Date(now.getTime() - DAY), now)).toBe("overdue");
    expect(referenceProgress({ ...old, status: "received" }, nextWeek, now)).toBe("received");
  });

  it("reminds weekly after the last email, three times at most, and not after the deadline", () => {
    const deadline = new Date(now.getTime() + 10 * DAY);
    const sixDays = new Date(now.getTime() - 6 * DAY);
    const eightDays = new Date(now.getTime() - 8 * DAY);
    expect(scheduledReminderDue({ createdAt: sixDays, lastRemindedAt: null, remindersSent: 0 }, deadline, now)).toBe(
      false,
    );
    expect(scheduledReminderDue({ createdAt: eightDays, lastRemindedAt: null, remindersSent: 0 }, deadline, now)).toBe(
      true,
    );
    expect(
      scheduledReminderDue({ createdAt: eightDays, lastRemindedAt: sixDays, remindersSent: 1 }, deadline, now),
    ).toBe(false);
    expect(scheduledReminderDue({ createdAt: eightDays, lastRemindedAt: null, remindersSent: 3 }, deadline, now)).toBe(
      false,
    );
    expect(scheduledReminderDue({ createdAt: eightDays, lastRemindedAt: null, remindersSent: 0 }, now, now)).toBe(
      false,
    );
  });

  it("lets the applicant remind by hand once a day", () => {
    expect(handReminderWait(new Date(now.getTime() - 25 * 60 * 60 * 1000), now)).toBe(0);
    expect(handReminderWait(new Date(now.getTime() - 23 * 60 * 60 * 1000), now)).toBe(3600);
  });

  it("lists what an application lacks: required answers, files, references", () => {
    const questions = [
      { id: "a", label: "Essay", kind: "long_text", required: true },
      { id: "b", label: "CV", kind: "file", required: true },
      { id: "c", label: "Links", kind: "url", required: false },
      { id: "d", label: "Topics", kind: "multi_choice", required: true },
    ];
    const missing = missingItems({ questions, answers: { a: "Text", d: [] }, referencesMin: 2, referencesReceived: 1 });
    expect(missing).toEqual({ answers: ["Topics"], files: ["CV"], references: 1 });
    expect(describeMissing(missing)).toBe("1 answer, 1 file, 1 reference");
    expect(describeMissing(missingItems({ questions: [], answers: {}, referencesMin: 1, referencesReceived: 3 }))).toBe(
      "",
    );
  });

  it("offers a blind cycle's letter under a name that says nothing of anyone", () => {
    expect(letterDownloadName("Ada Lovelace - reference by Grace.pdf", true, 2)).toBe("reference-letter-2.pdf");
    expect(letterDownloadName("Ada Lovelace - reference by Grace.pdf", false, 2)).toBe(
      "Ada Lovelace - reference by Grace.pdf",
    );
  });
});
