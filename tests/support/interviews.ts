import { sql } from "kysely";
import type { DB } from "#db/client";
import { uniqueEmail } from "./ids";

const HOUR = 60 * 60 * 1000;

/** A time of a position, `hours` from now (negative for the past). */
export async function addSlot(
  db: DB,
  positionId: string,
  options: { hours?: number; capacity?: number; minutes?: number; location?: string } = {},
) {
  return db
    .insertInto("interviewSlots")
    .values({
      positionId,
      // Whole minutes, as hosts enter them (calendar files carry no milliseconds).
      startsAt: new Date(Math.round((Date.now() + (options.hours ?? 72) * HOUR) / 60_000) * 60_000),
      minutes: options.minutes ?? 45,
      capacity: options.capacity ?? 1,
      location: options.location ?? "https://meet.example.org/test",
    })
    .returning(["id", "startsAt"])
    .executeTakeFirstOrThrow();
}

/**
 * More finalists for a position, straight into the tables (many at once, cheaply): each an
 * account, a finalist application in the cycle, and a candidacy.
 */
export async function addFinalists(db: DB, cycleId: string, positionId: string, count: number) {
  const users = await db
    .insertInto("users")
    .values(Array.from({ length: count }, (_, i) => ({ email: uniqueEmail(`finalist${i}`), name: `Finalist ${i}` })))
    .returning(["id", "email", "name"])
    .execute();
  const applications = await db
    .insertInto("applications")
    .values(
      users.map((user) => ({
        cycleId,
        applicantId: user.id,
        status: "finalist" as const,
        answers: "{}",
        submittedAt: sql`now()`,
      })),
    )
    .returning(["id", "applicantId"])
    .execute();
  await db
    .insertInto("positionCandidates")
    .values(applications.map((application) => ({ positionId, applicationId: application.id })))
    .execute();
  return users.map((user) => ({ ...user, applicationId: applications.find((a) => a.applicantId === user.id)!.id }));
}

/** The calendar files queued for an address, oldest first, with their email's template and subject. */
export async function calendarEmailsTo(db: DB, recipient: string) {
  return db
    .selectFrom("emailOutbox")
    .select(["template", "subject", "text", "attachments", "idempotencyKey"])
    .where("recipient", "=", recipient)
    .where("template", "=", "interview-calendar")
    .orderBy("createdAt")
    .orderBy("idempotencyKey")
    .execute();
}
