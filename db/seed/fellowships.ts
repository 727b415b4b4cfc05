import { sql } from "kysely";
import type { QuestionKind } from "../types";
import type { DB } from "../client";
import { addDays, addMonths } from "~/fellowships/lifecycle";
import { syncReports, today } from "~/fellowships/lifecycle.server";
import { upsertUsers } from "./accounts";
import { answersFor, insertCycle } from "./cycles";
import { DEMO_POSITIONS } from "./matching";
import { demoEmail } from "./people";

const DAY = 24 * 60 * 60 * 1000;

/** The 2025 cohort's demo fellows, placed in the pilot round; the first is hosted by partner@demo.test. */
export const DEMO_FELLOWS = [
  { name: "Inês Carvalho", place: "Lisbon, Portugal", org: "datos-libres" },
  { name: "Daniel Mwangi", place: "Nairobi, Kenya", org: "newsroom-shield" },
] as const;

type Kind = Exclude<QuestionKind, "file">;
interface DemoReport {
  kind: "check_in" | "midterm" | "final";
  title: string;
  questions: { kind: Kind; label: string; required: boolean; maxWords?: number; options?: string[] }[];
}

/** The schedule of DOMAIN.md's program: a monthly check-in of two questions, a mid-term and a final report. */
const DEMO_REPORTS: DemoReport[] = [
  {
    kind: "check_in",
    title: "Monthly check-in",
    questions: [
      { kind: "long_text", label: "What did you work on this month?", required: true, maxWords: 200 },
      {
        kind: "long_text",
        label: "Is anything in your way? How could your host or the program help?",
        required: false,
        maxWords: 100,
      },
    ],
  },
  {
    kind: "midterm",
    title: "Mid-term report",
    questions: [
      { kind: "long_text", label: "What have you achieved so far, and for whom?", required: true, maxWords: 300 },
      {
        kind: "single_choice",
        label: "How is the work with your host going?",
        required: true,
        options: ["Very well", "Well", "Mixed", "Not well"],
      },
      { kind: "url", label: "A link to something you published", required: false },
    ],
  },
  {
    kind: "final",
    title: "Final report",
    questions: [
      { kind: "long_text", label: "What did your fellowship change?", required: true, maxWords: 500 },
      { kind: "long_text", label: "What will you carry on after the fellowship?", required: true, maxWords: 200 },
      { kind: "url", label: "Where can people find your work?", required: false },
    ],
  },
];

async function addSchedule(db: DB, cycleId: string, term: { startsOn: string; endsOn: string }) {
  await db
    .insertInto("fellowshipTerms")
    .values({ cycleId, ...term, cohortYear: 2025 })
    .onConflict((oc) => oc.column("cycleId").doNothing())
    .execute();
  const existing = await db.selectFrom("reportForms").select("id").where("cycleId", "=", cycleId).executeTakeFirst();
  if (existing) return;
  for (const report of DEMO_REPORTS) {
    const form = await db
      .insertInto("reportForms")
      .values({ cycleId, kind: report.kind, title: report.title, everyMonths: report.kind === "check_in" ? 1 : null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("reportQuestions")
      .values(
        report.questions.map((question, index) => ({
          formId: form.id,
          position: index + 1,
          kind: question.kind,
          label: question.label,
          required: question.required,
          maxWords: question.maxWords ?? null,
          options: JSON.stringify(question.options ?? []),
        })),
      )
      .execute();
  }
}

const CHECK_IN_ANSWERS = [
  "Met the team, set up my tools and read the last two years of the host's research. Drafted a plan for the dataset.",
  "Collected and cleaned the first hundred public procurement records; wrote a short guide on how we verify them.",
  "Ran a workshop with journalists on reading the data; published the first open release.",
];

/**
 * The fellowship year in the demo: a pilot round of the 2025 call (complete) whose two fellows
 * are part-way through their year, with check-ins done, late, due and upcoming, and comments from
 * host and staff; and the same schedule on the matching cycle, so its acceptances get one too.
 * Added once: an existing pilot cycle is left alone.
 */
export async function seedFellowships(db: DB, passwordHash: string, organizations: Map<string, string>) {
  const day = await today(db);
  // Four months in, a check-in due in a week: earlier ones are done or late, later ones upcoming.
  const startsOn = addMonths(addDays(day, 7), -4);
  const term = { startsOn, endsOn: addDays(addMonths(startsOn, 10), -1) };
  const matching = await db.selectFrom("cycles").select("id").where("slug", "=", "open-web-2025").executeTakeFirst();
  if (matching)
    await addSchedule(db, matching.id, { startsOn: addMonths(startsOn, 6), endsOn: addMonths(term.endsOn, 6) });

  const closes = new Date(Date.now() - 200 * DAY);
  const cycle = await insertCycle(db, {
    slug: "open-web-2025-pilot",
    name: "Open Web Fellows 2025 — pilot round",
    description: "An early round of the 2025 call with two hosts; its fellows are part-way through their year.",
    opensAt: new Date(closes.getTime() - 30 * DAY),
    closesAt: closes,
    status: "complete",
    blindReview: true,
  });
  if (!cycle) return;
  await addSchedule(db, cycle.id, term);
  const staff = await db.selectFrom("users").select("id").where("email", "=", "staff@demo.test").executeTakeFirst();
  const people = DEMO_FELLOWS.map((fellow) => ({ ...fellow, email: demoEmail(fellow.name) }));
  const ids = await upsertUsers(db, people, passwordHash);
  for (const [index, fellow] of people.entries()) {
    const template = DEMO_POSITIONS.find((position) => position.org === fellow.org)!;
    const organizationId = organizations.get(fellow.org)!;
    const position = await db
      .insertInto("positions")
      .values({
        cycleId: cycle.id,
        organizationId,
        title: template.title,
        description: template.description,
        seats: 1,
        skills: JSON.stringify(template.skills),
        location: template.location,
        remote: template.remote,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fellowId = ids.get(fellow.email)!;
    const application = await db
      .insertInto("applications")
      .values({
        cycleId: cycle.id,
        applicantId: fellowId,
        status: "accepted",
        answers: JSON.stringify(answersFor(index, fellow.place, cycle.questionIds, true)),
        submittedAt: new Date(closes.getTime() - 2 * DAY),
        decisionReleasedAt: new Date(closes.getTime() + 20 * DAY),
        matchedPositionId: position.id,
        placementAnsweredAt: new Date(closes.getTime() + 40 * DAY),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fellowship = await db
      .insertInto("fellowships")
      .values({
        applicationId: application.id,
        cycleId: cycle.id,
        positionId: position.id,
        organizationId,
        fellowId,
        ...term,
        cohortYear: 2025,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await syncReports(db, fellowship.id);
    await fillReports(db, fellowship.id, index, {
      host: (
        await db
          .selectFrom("orgMembers")
          .select("userId")
          .where("organizationId", "=", organizationId)
          .executeTakeFirst()
      )?.userId,
      staff: staff?.id,
    });
  }
}

/**
 * The first fellow's past check-ins: two done (the first with a host comment), one late; the
 * second fellow's three done (one with a staff comment). Due and upcoming ones stay open.
 */
async function fillReports(
  db: DB,
  fellowshipId: string,
  fellowIndex: number,
  authors: { host: string | undefined; staff: string | undefined },
) {
  const day = await today(db);
  const past = await db
    .selectFrom("fellowshipReports")
    .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
    .select(["fellowshipReports.id", "fellowshipReports.dueOn", "reportForms.id as formId"])
    .where("fellowshipReports.fellowshipId", "=", fellowshipId)
    .where("reportForms.kind", "=", "check_in")
    .where("fellowshipReports.dueOn", "<", day)
    .orderBy("fellowshipReports.dueOn")
    .execute();
  const done = fellowIndex === 0 ? past.slice(0, 2) : past;
  for (const [n, report] of done.entries()) {
    const questions = await db
      .selectFrom("reportQuestions")
      .select("id")
      .where("formId", "=", report.formId)
      .orderBy("position")
      .execute();
    await db
      .updateTable("fellowshipReports")
      .set({
        status: "submitted",
        answers: JSON.stringify({ [questions[0]!.id]: CHECK_IN_ANSWERS[n % CHECK_IN_ANSWERS.length]! }),
        submittedAt: sql`${report.dueOn}::date - interval '1 day' + interval '15 hours'`,
        version: 2,
      })
      .where("id", "=", report.id)
      .execute();
  }
  const commented = done[fellowIndex === 0 ? 0 : 1];
  const author = fellowIndex === 0 ? authors.host : authors.staff;
  if (commented && author)
    await db
      .insertInto("reportComments")
      .values({
        reportId: commented.id,
        authorId: author,
        body:
          fellowIndex === 0
            ? "A strong start. Let's plan the dataset's first release together at our next meeting."
            : "Thank you — the workshop write-up is exactly what other hosts asked for.",
      })
      .execute();
}
