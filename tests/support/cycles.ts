import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers, submitApplication } from "~/applications/applications.server";
import type { Upload } from "~/applications/files.server";
import type { Question } from "~/applications/questions";
import type { AppConfig } from "~/utils/config.server";
import { createCycle } from "~/cycles/cycles.server";
import { addQuestion, listQuestions } from "~/cycles/questions.server";
import type { QuestionInput } from "~/cycles/cycles.schema";

const DAY = 24 * 60 * 60 * 1000;

export const TEST_QUESTIONS: QuestionInput[] = [
  {
    section: "About you",
    kind: "single_choice",
    label: "Track",
    help: "",
    required: true,
    identifying: false,
    options: ["Open Web", "Tech Policy", "Science"],
  },
  {
    section: "About you",
    kind: "short_text",
    label: "Country and city",
    help: "",
    required: true,
    identifying: true,
    options: [],
  },
  {
    section: "Your work",
    kind: "long_text",
    label: "Why is the open web important to you?",
    help: "",
    required: true,
    identifying: false,
    maxWords: 20,
    options: [],
  },
  {
    section: "Your work",
    kind: "url",
    label: "A link to your work",
    help: "",
    required: false,
    identifying: true,
    options: [],
  },
  { section: "Documents", kind: "file", label: "CV", help: "", required: true, identifying: true, options: [] },
];

export interface TestCycle {
  id: string;
  slug: string;
  opensAt: Date;
  closesAt: Date;
  questions: Question[];
}

/** A cycle taking applications now (opened yesterday, closing in ten days), made through the app's own functions. */
export async function createOpenCycle(
  db: DB,
  actorId: string | null = null,
  options: { opensInDays?: number; closesInDays?: number; blindReview?: boolean } = {},
): Promise<TestCycle> {
  const slug = `cycle-${randomBytes(4).toString("hex")}`;
  const actor =
    actorId ??
    (
      await db
        .insertInto("users")
        .values({ email: `${slug}-staff@example.org`, name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const created = await createCycle(db, actor, {
    name: `Test cycle ${slug}`,
    slug,
    description: "A cycle for tests",
    opensAt: "2030-01-01T00:00",
    closesAt: "2030-02-01T00:00",
    timezone: "UTC",
    status: "draft",
    blindReview: options.blindReview ?? true,
    reviewersPerApplication: 2,
    finalistTarget: undefined,
    decisionDelayMinutes: 10,
    referencesMin: 0,
    referencesMax: 0,
    version: undefined,
  });
  if (!created.ok) throw new Error(created.message);
  const cycle = await db.selectFrom("cycles").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  for (const question of TEST_QUESTIONS) {
    const added = await addQuestion(db, actor, cycle.id, question);
    if (!added.ok) throw new Error(added.message);
  }
  const opensAt = new Date(Date.now() + (options.opensInDays ?? -1) * DAY);
  const closesAt = new Date(Date.now() + (options.closesInDays ?? 10) * DAY);
  await db
    .updateTable("cycles")
    .set({ status: "open", opensAt, closesAt, updatedAt: sql`now()` })
    .where("id", "=", cycle.id)
    .execute();
  return { id: cycle.id, slug, opensAt, closesAt, questions: await listQuestions(db, cycle.id) };
}

/** Complete answers for TEST_QUESTIONS (the CV aside), by question id. */
export function completeAnswers(questions: Question[]): Record<string, string> {
  const byLabel = (label: string) => questions.find((question) => question.label === label)!.id;
  return {
    [byLabel("Track")]: "Open Web",
    [byLabel("Country and city")]: "Nairobi, Kenya",
    [byLabel("Why is the open web important to you?")]: "Because knowledge should be free for everyone to reach.",
  };
}

export function questionByKind(questions: Question[], kind: Question["kind"]): Question {
  return questions.find((question) => question.kind === kind)!;
}

/**
 * Saves complete answers (by default `completeAnswers` and a CV) for an applicant of a TEST_QUESTIONS
 * cycle and submits them, through the app's own functions (the receipt is queued as in real life).
 */
export async function submitTestApplication(
  db: DB,
  config: AppConfig,
  cycle: Pick<TestCycle, "id" | "questions">,
  applicantId: string,
  extra: { answers?: Record<string, string>; uploads?: Upload[]; cvFilename?: string } = {},
): Promise<{ applicationId: string }> {
  const saved = await saveAnswers(db, {
    cycleId: cycle.id,
    applicantId,
    questions: cycle.questions,
    answers: { ...completeAnswers(cycle.questions), ...extra.answers },
    uploads: [
      {
        questionId: questionByKind(cycle.questions, "file").id,
        filename: extra.cvFilename ?? "cv.pdf",
        bytes: tinyPdf(`CV ${extra.cvFilename ?? ""}`),
      },
      ...(extra.uploads ?? []),
    ],
    version: 0,
  });
  if (!saved.ok) throw new Error(saved.message);
  const submitted = await submitApplication(db, config, { cycleId: cycle.id, applicantId, version: saved.version });
  if (!submitted.ok) throw new Error(submitted.message);
  return { applicationId: saved.applicationId };
}
