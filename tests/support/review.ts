import { sql } from "kysely";
import type { DB } from "#db/client";
import { tinyPdf } from "#db/seed/pdf";
import { addQuestion, listQuestions } from "~/cycles/questions.server";
import { listRounds, type RoundRef } from "~/review/rounds.server";
import { addCriterion, listCriteria } from "~/review/rubric.server";
import type { AppConfig } from "~/utils/config.server";
import { createOpenCycle, questionByKind, submitTestApplication, type TestCycle } from "./cycles";
import { uniqueEmail } from "./ids";

export interface TestApplicant {
  id: string;
  email: string;
  name: string;
  applicationId: string;
}

export interface ReviewFixture {
  cycle: TestCycle & { name: string; reviewersPerApplication: number; reviewDueAt: Date | null; timezone: string };
  applicants: TestApplicant[];
  reviewers: { id: string; email: string; name: string }[];
  criteria: Awaited<ReturnType<typeof listCriteria>>;
  /** The cycle's first (only) review round. */
  round: RoundRef;
  staffId: string;
}

/** The id of a cycle's first review round, for tests that write assignments directly. */
export function firstRoundId(db: DB, cycleId: string) {
  return db.selectFrom("reviewRounds").select("id").where("cycleId", "=", cycleId).where("position", "=", 1);
}

const FIRST = ["Ada", "Grace", "Kofi", "Mei", "Ravi", "Lucía", "Omar", "Ingrid", "Tendai", "Yasmine", "Hiro", "Amara"];

/**
 * A cycle in review: applicants who submitted (answers naming their city and a link, a CV), a
 * two-criterion rubric, and a pool of reviewers, built through the app's own functions.
 */
export async function createReviewFixture(
  db: DB,
  config: AppConfig,
  options: {
    applicants?: number;
    reviewers?: number;
    capacity?: number;
    blind?: boolean;
    k?: number;
    rubric?: boolean;
    /** Names of the first applicants (the rest get generated ones). */
    names?: string[];
    /** The essay answer and the writing sample of an applicant, when not the default ones. */
    essay?: (name: string) => string | undefined;
    samplePdf?: (name: string) => Buffer | undefined;
  } = {},
): Promise<ReviewFixture> {
  const staff = await db
    .insertInto("users")
    .values({ email: uniqueEmail("staff"), name: "Staff Person" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createOpenCycle(db, staff.id, { blindReview: options.blind ?? true });
  // A file question that is not identifying: reviewers of a blind cycle may read it (under a neutral name).
  await addQuestion(db, staff.id, created.id, {
    section: "Documents",
    kind: "file",
    label: "Writing sample",
    help: "",
    required: false,
    identifying: false,
    options: [],
  });
  const cycle = { ...created, questions: await listQuestions(db, created.id) };
  const sample = cycle.questions.find((question) => question.label === "Writing sample")!;
  const applicants: TestApplicant[] = [];
  for (let i = 0; i < (options.applicants ?? 6); i++) {
    const name = options.names?.[i] ?? `${FIRST[i % FIRST.length]} Applicant${i}`;
    const essay = options.essay?.(name);
    const email = uniqueEmail(`applicant${i}`);
    const user = await db.insertInto("users").values({ email, name }).returning("id").executeTakeFirstOrThrow();
    const { applicationId } = await submitTestApplication(db, config, cycle, user.id, {
      cvFilename: `${name}-cv.pdf`,
      answers: {
        [questionByKind(cycle.questions, "url").id]: `https://portfolio.example.net/${name.replace(" ", "-")}`,
        ...(essay ? { [questionByKind(cycle.questions, "long_text").id]: essay } : {}),
      },
      uploads: [
        {
          questionId: sample.id,
          filename: `${name}-sample.pdf`,
          bytes: options.samplePdf?.(name) ?? tinyPdf("An essay on community networks"),
        },
      ],
    });
    applicants.push({ id: user.id, email, name, applicationId });
  }
  const k = options.k ?? 2;
  await db
    .updateTable("cycles")
    .set({
      status: "reviewing",
      reviewersPerApplication: k,
      closesAt: sql`now() - interval '1 second'`,
      opensAt: sql`now() - interval '20 days'`,
    })
    .where("id", "=", cycle.id)
    .execute();
  // The first round carries the cycle's k (the settings page saves both together).
  await db
    .updateTable("reviewRounds")
    .set({ reviewersPerApplication: k })
    .where("cycleId", "=", cycle.id)
    .where("position", "=", 1)
    .execute();
  await db
    .updateTable("applications")
    .set({ status: "in_review" })
    .where("cycleId", "=", cycle.id)
    .where("status", "=", "submitted")
    .execute();
  const [round] = await listRounds(db, cycle.id);
  if (options.rubric !== false) {
    await addCriterion(db, staff.id, round!, {
      name: "Commitment",
      guidance: "",
      weight: 60,
      scaleMin: 1,
      scaleMax: 5,
    });
    await addCriterion(db, staff.id, round!, {
      name: "Skill match",
      guidance: "",
      weight: 40,
      scaleMin: 1,
      scaleMax: 5,
    });
  }
  const reviewers = [];
  for (let i = 0; i < (options.reviewers ?? 4); i++) {
    const email = uniqueEmail(`reviewer${i}`);
    const name = `Reviewer Number${i}`;
    const user = await db.insertInto("users").values({ email, name }).returning("id").executeTakeFirstOrThrow();
    await db
      .insertInto("cycleReviewers")
      .values({
        cycleId: cycle.id,
        userId: user.id,
        capacity: options.capacity ?? 10,
        expertise: JSON.stringify(["open web"]),
      })
      .execute();
    reviewers.push({ id: user.id, email, name });
  }
  const row = await db
    .selectFrom("cycles")
    .select(["name", "reviewersPerApplication", "reviewDueAt", "timezone"])
    .where("id", "=", cycle.id)
    .executeTakeFirstOrThrow();
  return {
    cycle: { ...cycle, ...row },
    applicants,
    reviewers,
    criteria: await listCriteria(db, round!.id),
    round: round!,
    staffId: staff.id,
  };
}
