import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { ApplicationStatus, CycleStatus, QuestionKind } from "../types";
import type { DB } from "../client";
import { utcToZonedLocal, zonedLocalToUtc } from "~/utils/timezones";
import { upsertUsers } from "./accounts";
import { seedEligibilityScreen } from "./eligibility";
import { seedReferences } from "./references";
import { tinyPdf } from "./pdf";
import { DEMO_APPLICANTS, demoEmail } from "./people";

const DAY = 24 * 60 * 60 * 1000;

interface DemoQuestion {
  key: string;
  section: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  required: boolean;
  maxWords?: number;
  options?: string[];
  identifying?: boolean;
  /** Shown only when the question with this key has one of these answers. */
  condition?: { key: string; values: string[] };
}

/** The application form of DOMAIN.md's demo configuration. */
export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    key: "track",
    section: "About you",
    kind: "single_choice",
    label: "Which track are you applying to?",
    required: true,
    options: ["Open Web", "Tech Policy", "Science"],
  },
  {
    key: "arena",
    section: "About you",
    kind: "single_choice",
    label: "Which policy arena would you work in?",
    help: "Only for the Tech Policy track.",
    required: false,
    options: ["Elections and platforms", "Data protection", "Copyright and access to knowledge", "Surveillance"],
    condition: { key: "track", values: ["Tech Policy"] },
  },
  {
    key: "place",
    section: "About you",
    kind: "short_text",
    label: "Country and city where you live",
    required: true,
    identifying: true,
  },
  {
    key: "relocate",
    section: "About you",
    kind: "single_choice",
    label: "Are you willing to relocate for ten months?",
    required: true,
    options: ["Yes", "Remote only", "Flexible"],
  },
  {
    key: "why",
    section: "Your work",
    kind: "long_text",
    label: "Why is the open web important to you?",
    required: true,
    maxWords: 150,
  },
  {
    key: "built",
    section: "Your work",
    kind: "long_text",
    label: "Something you built, researched or organized for social change",
    help: "Tell us what it was, who it was for and what happened.",
    required: true,
    maxWords: 300,
  },
  {
    key: "link",
    section: "Your work",
    kind: "url",
    label: "A link to your work",
    required: false,
    identifying: true,
  },
  {
    key: "fit",
    section: "Fit with a host",
    kind: "long_text",
    label: "Which issues and kind of host fit you, and why?",
    required: true,
    maxWords: 200,
  },
  {
    key: "open",
    section: "Fit with a host",
    kind: "long_text",
    label: "How will you work in the open and share progress?",
    required: true,
    maxWords: 100,
  },
  {
    key: "commitments",
    section: "Fit with a host",
    kind: "long_text",
    label: "Other commitments during the ten months",
    required: true,
    maxWords: 50,
  },
  {
    key: "perspective",
    section: "Fit with a host",
    kind: "long_text",
    label: "A perspective you would bring that is under-represented in technology",
    required: false,
    maxWords: 100,
  },
  { key: "cv", section: "Documents", kind: "file", label: "Your CV (PDF)", required: true, identifying: true },
];

const WHY = [
  "The open web let me learn to code from strangers who shared their work freely. I want the next person in my city to have the same chance, without a gatekeeper deciding what they may read.",
  "In my country the internet is where journalists, activists and neighbours talk when other channels are watched. Keeping it open and secure is keeping that conversation alive.",
  "I have seen how closed platforms decide what communities can say. An open web lets people own their tools, their data and their voice.",
];
const BUILT = [
  "I built a text-message tool that lets market traders report price changes anonymously; 3,000 traders used it during the last election and local radio read the results every morning.",
  "I organised digital security trainings for 40 community radio stations, translated the material into two local languages, and published everything under an open licence.",
  "I researched how health apps share data with advertisers and published the dataset; two regulators cited it and one app changed its practices.",
];
const FIT = [
  "Surveillance and privacy. I would thrive with a digital-rights group that needs someone who can both build tools and explain them to non-technical partners.",
  "Platform law and elections: a policy institute where I can turn technical findings into testimony and briefs.",
  "Tools for journalists: a newsroom-security collective, ideally remote-friendly, where I can ship small tools fast.",
];
const OPEN = [
  "Weekly notes on a public blog, code on a public repository from day one, and monthly calls open to anyone interested.",
  "I will publish a short fortnightly update and keep an open issue tracker for the project.",
];

export interface SeededCycle {
  id: string;
  questionIds: Record<string, string>;
}

export async function insertCycle(
  db: DB,
  cycle: {
    slug: string;
    name: string;
    description: string;
    opensAt: Date;
    closesAt: Date;
    status: CycleStatus;
    blindReview: boolean;
  },
): Promise<SeededCycle | null> {
  const inserted = await db
    .insertInto("cycles")
    .values({ ...cycle, timezone: "America/New_York", reviewersPerApplication: 3, finalistTarget: 8 })
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  // Every cycle has its first review round, with the cycle's review settings (as createCycle does).
  await db
    .insertInto("reviewRounds")
    .values({
      cycleId: inserted.id,
      position: 1,
      name: "Review",
      reviewersPerApplication: 3,
      blindReview: cycle.blindReview,
    })
    .execute();
  const questionIds: Record<string, string> = {};
  for (const [index, question] of DEMO_QUESTIONS.entries()) {
    const row = await db
      .insertInto("cycleQuestions")
      .values({
        cycleId: inserted.id,
        position: index + 1,
        section: question.section,
        kind: question.kind,
        label: question.label,
        help: question.help ?? "",
        required: question.required,
        maxWords: question.maxWords ?? null,
        options: JSON.stringify(question.options ?? []),
        identifying: question.identifying ?? false,
        condition: question.condition
          ? JSON.stringify({
              questionId: questionIds[question.condition.key],
              operator: "equals",
              values: question.condition.values,
            })
          : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    questionIds[question.key] = row.id;
  }
  return { id: inserted.id, questionIds };
}

export function answersFor(index: number, place: string, questionIds: Record<string, string>, complete: boolean) {
  const pick = <T>(list: readonly T[]) => list[index % list.length]!;
  const answers: Record<string, string> = {
    [questionIds.track!]: pick(["Open Web", "Tech Policy", "Science", "Open Web"]),
    [questionIds.place!]: place,
    // The conditional question is answered by those on the Tech Policy track (every fourth, from the second).
    ...(index % 4 === 1 && questionIds.arena ? { [questionIds.arena]: pick(["Data protection", "Surveillance"]) } : {}),
    [questionIds.relocate!]: pick(["Yes", "Remote only", "Flexible"]),
    [questionIds.why!]: pick(WHY),
  };
  if (!complete) return answers;
  Object.assign(answers, {
    [questionIds.built!]: pick(BUILT),
    [questionIds.fit!]: pick(FIT),
    [questionIds.open!]: pick(OPEN),
    [questionIds.commitments!]: pick([
      "None; I would be full time.",
      "Two evenings a week of volunteer teaching.",
      "Finishing a part-time master's thesis.",
    ]),
  });
  if (index % 3 === 0) answers[questionIds.link!] = `https://example.org/portfolio/${index}`;
  if (index % 4 === 1)
    answers[questionIds.perspective!] =
      "I grew up outside the cities where technology is designed, and I build for places with slow, shared connections.";
  return answers;
}

interface DemoApplication {
  name: string;
  email: string;
  place: string;
  status: ApplicationStatus;
}

async function insertApplications(
  db: DB,
  cycle: SeededCycle,
  closesAt: Date,
  people: DemoApplication[],
  passwordHash: string,
) {
  const ids = await upsertUsers(db, people, passwordHash);
  for (const [index, person] of people.entries()) {
    const applicantId = ids.get(person.email.toLowerCase())!;
    const complete = person.status !== "draft" || index % 2 === 0;
    const submitted =
      !["draft", "withdrawn"].includes(person.status) || (person.status === "withdrawn" && index % 2 === 0);
    const submittedAt = submitted ? new Date(closesAt.getTime() - (index + 2) * DAY * 0.7) : null;
    const answers = answersFor(index, person.place, cycle.questionIds, complete);
    const application = await db
      .insertInto("applications")
      .values({
        cycleId: cycle.id,
        applicantId,
        status: person.status,
        answers: "{}",
        submittedAt,
        withdrawnAt: person.status === "withdrawn" ? new Date(closesAt.getTime() - DAY) : null,
        createdAt: new Date(closesAt.getTime() - (index + 10) * DAY),
      })
      .onConflict((oc) => oc.columns(["cycleId", "applicantId"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!application) continue;
    if (complete) {
      const bytes = tinyPdf(`CV of ${person.name}`);
      const file = await db
        .insertInto("files")
        .values({
          ownerId: applicantId,
          applicationId: application.id,
          questionId: cycle.questionIds.cv!,
          filename: `${person.name.split(" ")[0]!.toLowerCase()}-cv.pdf`,
          contentType: "application/pdf",
          sizeBytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          bytes,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      answers[cycle.questionIds.cv!] = file.id;
    }
    await db
      .updateTable("applications")
      .set({ answers: JSON.stringify(answers) })
      .where("id", "=", application.id)
      .execute();
    const events: { kind: string; fromStatus: string | null; toStatus: string | null; at: Date }[] = [
      { kind: "created", fromStatus: null, toStatus: "draft", at: new Date(closesAt.getTime() - (index + 10) * DAY) },
    ];
    if (submittedAt) events.push({ kind: "submitted", fromStatus: "draft", toStatus: "submitted", at: submittedAt });
    if (person.status === "withdrawn")
      events.push({
        kind: "withdrawn",
        fromStatus: submittedAt ? "submitted" : "draft",
        toStatus: "withdrawn",
        at: new Date(closesAt.getTime() - DAY),
      });
    if (["in_review", "finalist", "not_selected"].includes(person.status)) {
      events.push({
        kind: "status",
        fromStatus: "submitted",
        toStatus: "in_review",
        at: new Date(closesAt.getTime() + DAY),
      });
    }
    await db
      .insertInto("applicationEvents")
      .values(events.map((event) => ({ applicationId: application.id, actorId: null, ...event })))
      .execute();
  }
}

/** 5 p.m. New York time, `days` from today: deadlines are stated with a time zone. */
export function fivePmNewYork(days: number): Date {
  const local = utcToZonedLocal(new Date(Date.now() + days * DAY), "America/New_York").slice(0, 10);
  return zonedLocalToUtc(`${local}T17:00`, "America/New_York")!;
}

const OPEN_DESCRIPTION = `Open Web Fellows are technologists, researchers, artists and policy people who spend **ten months** with a host organization working for a healthy, open internet: digital-rights groups, research labs, newsrooms and libraries on several continents.

- A stipend of USD 60,000, paid monthly, with supplements for housing, relocation, health, childcare and equipment.
- No degree and no advocacy experience required. We especially welcome people who are under-represented in technology.
- Applications are in English. Decisions come within six weeks of the deadline; the fellowship runs from September to June.`;

/** The demo's cycles: one taking applications now, one whose applications are in review. */
export async function seedCycles(
  db: DB,
  passwordHash: string,
  applicantDemoId: string | undefined,
): Promise<{ open?: SeededCycle; review?: SeededCycle }> {
  const result: { open?: SeededCycle; review?: SeededCycle } = {};
  const people = DEMO_APPLICANTS.map(([name, place]) => ({ name, place, email: demoEmail(name) }));

  const openCloses = fivePmNewYork(6);
  const open = await insertCycle(db, {
    slug: "open-web-2027",
    name: "Open Web Fellows 2027",
    description: OPEN_DESCRIPTION,
    opensAt: new Date(openCloses.getTime() - 30 * DAY),
    closesAt: openCloses,
    status: "open",
    blindReview: true,
  });
  if (open) {
    result.open = open;
    await seedEligibilityScreen(db, open.id);
    const statuses: ApplicationStatus[] = [
      "draft",
      "draft",
      "draft",
      "draft",
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "withdrawn",
      "withdrawn",
      "submitted",
      "draft",
    ];
    await insertApplications(
      db,
      open,
      openCloses,
      people.slice(0, statuses.length).map((person, i) => ({ ...person, status: statuses[i]! })),
      passwordHash,
    );
    if (applicantDemoId) {
      await db
        .insertInto("applications")
        .values({
          cycleId: open.id,
          applicantId: applicantDemoId,
          status: "draft",
          answers: JSON.stringify(answersFor(1, "Abuja, Nigeria", open.questionIds, false)),
          version: 1,
        })
        .onConflict((oc) => oc.columns(["cycleId", "applicantId"]).doNothing())
        .execute();
    }
    await seedReferences(db, open.id);
  }

  const reviewCloses = fivePmNewYork(-40);
  const review = await insertCycle(db, {
    slug: "open-web-2026",
    name: "Open Web Fellows 2026",
    description: OPEN_DESCRIPTION,
    opensAt: new Date(reviewCloses.getTime() - 30 * DAY),
    closesAt: reviewCloses,
    status: "reviewing",
    blindReview: true,
  });
  if (review) {
    result.review = review;
    const rest = people.slice(14);
    const statuses: ApplicationStatus[] = rest.map((_, i) =>
      i < 18 ? "in_review" : i < 23 ? "finalist" : "not_selected",
    );
    await insertApplications(
      db,
      review,
      reviewCloses,
      rest.map((person, i) => ({ ...person, status: statuses[i]! })),
      passwordHash,
    );
  }
  await sql`select 1`.execute(db);
  return result;
}
