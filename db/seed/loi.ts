import { createHash } from "node:crypto";
import type { ApplicationStatus } from "../types";
import type { DB } from "../client";
import { upsertUsers } from "./accounts";
import { answersFor, fivePmNewYork, insertCycle } from "./cycles";
import { seedEligibilityScreen } from "./eligibility";
import { tinyPdf } from "./pdf";
import { demoEmail } from "./people";

const DAY = 24 * 60 * 60 * 1000;

export const LOI_CYCLE_SLUG = "research-residencies-2027";
/** The questions the letter of intent asks (by the demo form's keys); the full form asks them all. */
export const LOI_QUESTION_KEYS = ["track", "arena", "why"] as const;

/** Fictional applicants of the two-stage cycle only (names invented for the demo). */
const LOI_APPLICANTS: [name: string, place: string, status: ApplicationStatus, invited: boolean][] = [
  ["Adwoa Mensah", "Kumasi, Ghana", "loi_draft", false],
  ["Bilal Qureshi", "Lahore, Pakistan", "loi_submitted", false],
  ["Carmen Vidal", "Valencia, Spain", "loi_submitted", false],
  ["Dmitri Volkov", "Tbilisi, Georgia", "loi_submitted", false],
  ["Esi Owusu", "Cape Coast, Ghana", "draft", true],
  ["Farida Karimova", "Almaty, Kazakhstan", "submitted", true],
  ["Gustavo Lima", "Manaus, Brazil", "not_invited", false],
];

/** The residencies' own questions for referees. */
export const REFEREE_QUESTIONS = [
  { label: "In what role, and for how long, have you known the applicant?", required: true },
  { label: "What research would the applicant do well, and why?", required: false },
];

const DESCRIPTION = `Research residencies give **six months** to people studying how the web is governed, built and used: a host lab, a stipend and a small research budget.

- This call has two stages. First a **short letter of intent** (three questions); we invite some of those who write to the full application, which opens with your letter's answers already in place.
- The full application asks for two references; your referees write to us directly.`;

/**
 * The demo's two-stage cycle (issue 14): an eligibility screen, a letter of intent due in a week,
 * the full application due three weeks later, two references. Some applicants are still writing
 * their letter, some wait for a decision on it, two were invited (one has submitted the full
 * application since) and one was told they are not invited. Adds nothing when the cycle exists.
 */
export async function seedLoiCycle(db: DB, passwordHash: string): Promise<string | null> {
  const loiCloses = fivePmNewYork(7);
  const closes = fivePmNewYork(28);
  const cycle = await insertCycle(db, {
    slug: LOI_CYCLE_SLUG,
    name: "Open Web Research Residencies 2027",
    description: DESCRIPTION,
    opensAt: new Date(loiCloses.getTime() - 21 * DAY),
    closesAt: closes,
    status: "open",
    blindReview: false,
  });
  if (!cycle) return null;
  await db
    .updateTable("cycles")
    .set({ loiClosesAt: loiCloses, referencesMin: 2, referencesMax: 3 })
    .where("id", "=", cycle.id)
    .execute();
  await db
    .updateTable("cycleQuestions")
    .set({ stage: "loi" })
    .where("cycleId", "=", cycle.id)
    .where(
      "id",
      "in",
      LOI_QUESTION_KEYS.map((key) => cycle.questionIds[key]!),
    )
    .execute();
  await seedEligibilityScreen(db, cycle.id);
  // Its referees answer the cycle's own questions (the open cycle's get the default three).
  await db
    .insertInto("refereeQuestions")
    .values(
      REFEREE_QUESTIONS.map((question, index) => ({
        cycleId: cycle.id,
        position: index + 1,
        label: question.label,
        required: question.required,
      })),
    )
    .execute();

  const people = LOI_APPLICANTS.map(([name, place]) => ({ name, place, email: demoEmail(name) }));
  const ids = await upsertUsers(db, people, passwordHash);
  const loiIds = new Set(LOI_QUESTION_KEYS.map((key) => cycle.questionIds[key]!));
  for (const [index, [name, place, status, invited]] of LOI_APPLICANTS.entries()) {
    const applicantId = ids.get(demoEmail(name))!;
    const createdAt = new Date(loiCloses.getTime() - (14 - index) * DAY);
    const loiSubmittedAt = status === "loi_draft" ? null : new Date(createdAt.getTime() + DAY);
    const invitedAt = invited ? new Date(loiSubmittedAt!.getTime() + DAY) : null;
    // A letter answers the LOI's questions; an invited applicant's draft has begun the rest (a submitted one has all of it).
    const all = answersFor(index, place, cycle.questionIds, status === "submitted");
    const answers = Object.fromEntries(
      Object.entries(all).filter(([questionId]) => (invited ? true : loiIds.has(questionId))),
    );
    const submittedAt = status === "submitted" ? new Date(invitedAt!.getTime() + DAY) : loiSubmittedAt;
    const application = await db
      .insertInto("applications")
      .values({
        cycleId: cycle.id,
        applicantId,
        status,
        answers: JSON.stringify(answers),
        submittedAt,
        invitedAt,
        createdAt,
      })
      .onConflict((oc) => oc.columns(["cycleId", "applicantId"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!application) continue;
    if (status === "submitted") {
      const bytes = tinyPdf(`CV of ${name}`);
      const file = await db
        .insertInto("files")
        .values({
          ownerId: applicantId,
          applicationId: application.id,
          questionId: cycle.questionIds.cv!,
          filename: `${name.split(" ")[0]!.toLowerCase()}-cv.pdf`,
          contentType: "application/pdf",
          sizeBytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          bytes,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("applications")
        .set({ answers: JSON.stringify({ ...answers, [cycle.questionIds.cv!]: file.id }) })
        .where("id", "=", application.id)
        .execute();
    }
    const events: { kind: string; fromStatus: string | null; toStatus: string | null; at: Date }[] = [
      { kind: "created", fromStatus: null, toStatus: "loi_draft", at: createdAt },
    ];
    if (loiSubmittedAt)
      events.push({ kind: "submitted", fromStatus: "loi_draft", toStatus: "loi_submitted", at: loiSubmittedAt });
    if (invitedAt) events.push({ kind: "status", fromStatus: "loi_submitted", toStatus: "draft", at: invitedAt });
    if (status === "submitted")
      events.push({ kind: "submitted", fromStatus: "draft", toStatus: "submitted", at: submittedAt! });
    if (status === "not_invited")
      events.push({
        kind: "status",
        fromStatus: "loi_submitted",
        toStatus: "not_invited",
        at: new Date(loiSubmittedAt!.getTime() + 2 * DAY),
      });
    await db
      .insertInto("applicationEvents")
      .values(events.map((event) => ({ applicationId: application.id, actorId: null, ...event })))
      .execute();
  }
  return cycle.id;
}
