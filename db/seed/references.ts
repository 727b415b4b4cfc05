import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "../client";
import { tinyPdf } from "./pdf";

const DAY = 24 * 60 * 60 * 1000;

const REFEREES = [
  ["Grace Adeyemi", "Former manager", "received"],
  ["Tomás Rivera", "Community organizer I volunteered with", "received"],
  ["Mei Lin", "Thesis supervisor", "received"],
  ["Olu Bankole", "Editor at a local newspaper", "requested"],
  ["Priya Nair", "Open-source maintainer", "overdue"],
  ["Jonas Berg", "Colleague at a library", "overdue"],
] as const;

/**
 * The open cycle asks for two references (three at most). Some submitted applications have them
 * all in, some wait on a referee asked recently, some on one asked weeks ago (overdue). The links
 * of seeded requests are random and unknown: referees in the demo get theirs by a reminder.
 */
export async function seedReferences(db: DB, cycleId: string) {
  await db.updateTable("cycles").set({ referencesMin: 2, referencesMax: 3 }).where("id", "=", cycleId).execute();
  const applications = await db
    .selectFrom("applications")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("status", "=", "submitted")
    .orderBy("createdAt")
    .limit(3)
    .execute();
  const plan: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 2],
    [1, 3],
    [2, 4],
    [2, 5],
  ];
  for (const [applicationIndex, refereeIndex] of plan) {
    const application = applications[applicationIndex];
    if (!application) continue;
    const [name, relationship, state] = REFEREES[refereeIndex]!;
    const received = state === "received";
    const createdAt = new Date(Date.now() - (state === "overdue" ? 20 : received ? 12 : 2) * DAY);
    await db
      .insertInto("referenceRequests")
      .values({
        applicationId: application.id,
        cycleId,
        refereeName: name,
        refereeEmail: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@referee.example`,
        relationship,
        status: received ? "received" : "requested",
        tokenHash: randomBytes(32),
        expiresAt: new Date(createdAt.getTime() + 30 * DAY),
        createdAt,
        receivedAt: received ? new Date(createdAt.getTime() + 3 * DAY) : null,
        answers: received
          ? JSON.stringify({
              capacity: `${relationship}; we worked together for two years.`,
              strengths: "Patient with newcomers, and clear about what the community needs.",
              concerns: "",
            })
          : null,
        letterFilename: received ? `reference-${refereeIndex + 1}.pdf` : null,
        letterBytes: received ? tinyPdf(`A letter of support from ${name}`) : null,
        letterSize: received ? tinyPdf(`A letter of support from ${name}`).length : null,
      })
      .execute();
  }
  await sql`select 1`.execute(db);
}
