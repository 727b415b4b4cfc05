import { sql } from "kysely";
import type { DB } from "../client";
import { upsertUsers } from "./accounts";
import { answersFor, insertCycle } from "./cycles";
import { demoEmail } from "./people";

const DAY = 24 * 60 * 60 * 1000;

/** Eight positions at the six demo hosts; the Toronto lab takes two fellows. */
export const DEMO_POSITIONS = [
  {
    org: "datos-libres",
    title: "Surveillance research fellow",
    seats: 1,
    location: "Bogotá",
    remote: false,
    skills: ["research", "data visualization"],
    description: "Investigate the spread of surveillance technology across Latin America and publish open datasets.",
  },
  {
    org: "northway-security-lab",
    title: "Threat forensics fellow",
    seats: 2,
    location: "Toronto",
    remote: false,
    skills: ["software development", "security training"],
    description: "Analyse targeted attacks on civil society and turn findings into tools and guides.",
  },
  {
    org: "mtandao-centre",
    title: "Elections and platform law fellow",
    seats: 1,
    location: "Nairobi",
    remote: true,
    skills: ["policy analysis", "research"],
    description: "Track platform accountability around elections and brief regulators.",
  },
  {
    org: "liberties-federation",
    title: "Data protection technologist",
    seats: 1,
    location: "Brussels",
    remote: true,
    skills: ["software development", "policy analysis"],
    description: "Build tools that help member groups enforce data-protection rights.",
  },
  {
    org: "liberties-federation",
    title: "Copyright reform campaigner",
    seats: 1,
    location: "Brussels",
    remote: true,
    skills: ["campaign design", "storytelling"],
    description: "Make copyright reform understandable and mobilise allies across Europe.",
  },
  {
    org: "newsroom-shield",
    title: "Security tools developer",
    seats: 1,
    location: "San Francisco",
    remote: true,
    skills: ["software development", "design"],
    description: "Ship small, usable security tools for journalists.",
  },
  {
    org: "lakeshore-library",
    title: "Digital literacy educator",
    seats: 1,
    location: "Chicago",
    remote: false,
    skills: ["curriculum and training", "organizing"],
    description: "Design and run privacy workshops for library patrons.",
  },
  {
    org: "lakeshore-library",
    title: "Community privacy technologist",
    seats: 1,
    location: "Chicago",
    remote: false,
    skills: ["software development", "curriculum and training"],
    description: "Set up privacy-respecting public computing and teach staff to keep it that way.",
  },
];

const FINALISTS = [
  ["Adaeze Nwosu", "Lagos, Nigeria"],
  ["Matías Herrera", "Santiago, Chile"],
  ["Priya Kulkarni", "Pune, India"],
  ["Johanna Berg", "Gothenburg, Sweden"],
  ["Kwabena Asante", "Kumasi, Ghana"],
  ["Leila Mansour", "Rabat, Morocco"],
  ["Theo Vance", "Portland, USA"],
  ["Min-jun Park", "Seoul, South Korea"],
  ["Fernanda Lima", "Belo Horizonte, Brazil"],
  ["Zainab Hassan", "Mombasa, Kenya"],
] as const;

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * A cycle in its matching stage: finalists considered by several positions each, and both sides'
 * rank lists filled in, ready for staff to run and publish. The open cycle lists two positions.
 */
export async function seedMatching(db: DB, passwordHash: string, organizations: Map<string, string>): Promise<void> {
  const exists = await db.selectFrom("cycles").select("id").where("slug", "=", "open-web-2025").executeTakeFirst();
  if (exists) return;
  const closes = new Date(Date.now() - 75 * DAY);
  const cycle = await insertCycle(db, {
    slug: "open-web-2025",
    name: "Open Web Fellows 2025",
    description: "The previous call: its finalists and hosts are ranking each other now.",
    opensAt: new Date(closes.getTime() - 30 * DAY),
    closesAt: closes,
    status: "matching",
    blindReview: true,
  });
  if (!cycle) return;
  await db
    .updateTable("cycles")
    .set({ rankingDeadline: new Date(Date.now() + 5 * DAY) })
    .where("id", "=", cycle.id)
    .execute();
  const people = FINALISTS.map(([name, place]) => ({ name, email: demoEmail(name), place }));
  const ids = await upsertUsers(db, people, passwordHash);
  const applications = [];
  for (const person of people) {
    applications.push(
      await db
        .insertInto("applications")
        .values({
          cycleId: cycle.id,
          applicantId: ids.get(person.email)!,
          status: "finalist",
          answers: JSON.stringify(answersFor(applications.length, person.place, cycle.questionIds, true)),
          submittedAt: new Date(closes.getTime() - 3 * DAY),
          decisionReleasedAt: new Date(closes.getTime() + 30 * DAY),
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
  }
  const positions = [];
  for (const position of DEMO_POSITIONS) {
    positions.push(
      await db
        .insertInto("positions")
        .values({
          cycleId: cycle.id,
          organizationId: organizations.get(position.org)!,
          title: position.title,
          description: position.description,
          seats: position.seats,
          skills: JSON.stringify(position.skills),
          location: position.location,
          remote: position.remote,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
  }
  const random = seeded(2025);
  // Each finalist is considered by four positions; both sides rank everyone they consider, in their own order.
  const considered = new Map<string, string[]>();
  for (const application of applications) {
    const chosen = shuffle(positions, random)
      .slice(0, 4)
      .map((position) => position.id);
    considered.set(application.id, chosen);
    await db
      .insertInto("positionCandidates")
      .values(chosen.map((positionId) => ({ positionId, applicationId: application.id })))
      .execute();
    await db
      .insertInto("rankEntries")
      .values(
        shuffle(chosen, random).map((positionId, index) => ({
          cycleId: cycle.id,
          side: "applicant" as const,
          applicationId: application.id,
          positionId,
          rank: index + 1,
        })),
      )
      .execute();
  }
  for (const position of positions) {
    const candidates = applications.filter((application) => considered.get(application.id)!.includes(position.id));
    if (candidates.length === 0) continue;
    await db
      .insertInto("rankEntries")
      .values(
        shuffle(candidates, random).map((application, index) => ({
          cycleId: cycle.id,
          side: "position" as const,
          applicationId: application.id,
          positionId: position.id,
          rank: index + 1,
        })),
      )
      .execute();
  }

  const open = await db.selectFrom("cycles").select("id").where("slug", "=", "open-web-2027").executeTakeFirst();
  if (open) {
    for (const position of DEMO_POSITIONS.slice(0, 2)) {
      await db
        .insertInto("positions")
        .values({
          cycleId: open.id,
          organizationId: organizations.get(position.org)!,
          title: position.title,
          description: position.description,
          seats: position.seats,
          skills: JSON.stringify(position.skills),
          location: position.location,
          remote: position.remote,
        })
        .execute();
    }
  }
  await sql`select 1`.execute(db);
}
