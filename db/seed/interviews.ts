import { sql } from "kysely";
import type { DB } from "../client";
import { demoEmail } from "./people";

const HOUR = 60 * 60 * 1000;

/** Each demo host interviews in its own time zone. */
const HOST_TIMEZONES: Record<string, string> = {
  "datos-libres": "America/Bogota",
  "northway-security-lab": "America/Toronto",
  "mtandao-centre": "Africa/Nairobi",
  "liberties-federation": "Europe/Brussels",
  "newsroom-shield": "America/Los_Angeles",
  "lakeshore-library": "America/Chicago",
};

/** The 2025 finalists live in many zones; their interview times are shown in each one's own. */
const FINALIST_TIMEZONES: Record<string, string> = {
  "Adaeze Nwosu": "Africa/Lagos",
  "Matías Herrera": "America/Santiago",
  "Priya Kulkarni": "Asia/Kolkata",
  "Johanna Berg": "Europe/Stockholm",
  "Kwabena Asante": "Africa/Accra",
  "Leila Mansour": "Africa/Casablanca",
  "Theo Vance": "America/Los_Angeles",
  "Min-jun Park": "Asia/Seoul",
  "Fernanda Lima": "America/Sao_Paulo",
  "Zainab Hassan": "Africa/Nairobi",
};

/** The finalist the README's demo walk-through signs in as: considered by partner@demo.test's host, not yet booked. */
export const DEMO_FINALIST = "Adaeze Nwosu";

/**
 * Interview times at every position of the matching cycle (2025), some booked: four times a
 * position over the next days (the first within a day, so reminders go out), with about half of
 * each position's finalists booked. Added once: a cycle whose positions have times is left alone.
 */
export async function seedInterviews(db: DB): Promise<void> {
  const cycle = await db.selectFrom("cycles").select("id").where("slug", "=", "open-web-2025").executeTakeFirst();
  if (!cycle) return;
  const positions = await db
    .selectFrom("positions")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .select(["positions.id", "organizations.slug"])
    .where("positions.cycleId", "=", cycle.id)
    .orderBy("organizations.slug")
    .orderBy("positions.title")
    .execute();
  if (positions.length === 0) return;
  const seeded = await db
    .selectFrom("interviewSlots")
    .select("id")
    .where(
      "positionId",
      "in",
      positions.map((p) => p.id),
    )
    .limit(1)
    .executeTakeFirst();
  if (seeded) return;

  for (const [name, timezone] of Object.entries(FINALIST_TIMEZONES))
    await db.updateTable("users").set({ timezone }).where("email", "=", demoEmail(name)).execute();
  const demoFinalist = await db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select("applications.id")
    .where("applications.cycleId", "=", cycle.id)
    .where("users.email", "=", demoEmail(DEMO_FINALIST))
    .executeTakeFirst();
  const datos = positions.find((position) => position.slug === "datos-libres");
  if (demoFinalist && datos)
    await db
      .insertInto("positionCandidates")
      .values({ positionId: datos.id, applicationId: demoFinalist.id })
      .onConflict((oc) => oc.columns(["positionId", "applicationId"]).doNothing())
      .execute();

  // Within the next day (so its reminder goes out), then a day apart; all past the 12-hour cut-off.
  const first = new Date(Math.ceil((Date.now() + 20 * HOUR) / HOUR) * HOUR);
  for (const [index, position] of positions.entries()) {
    await db
      .updateTable("positions")
      .set({ interviewTimezone: HOST_TIMEZONES[position.slug] ?? "UTC", interviewCutoffHours: 12 })
      .where("id", "=", position.id)
      .execute();
    const slots = await db
      .insertInto("interviewSlots")
      .values(
        [0, 1, 2, 3].map((day) => ({
          positionId: position.id,
          startsAt: new Date(first.getTime() + (day * 24 + index) * HOUR),
          minutes: 45,
          capacity: day === 3 ? 2 : 1,
          location: `https://meet.example.org/${position.slug}`,
        })),
      )
      .returning("id")
      .execute();
    const candidates = await db
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "users.email"])
      .where("positionCandidates.positionId", "=", position.id)
      .orderBy("users.name")
      .execute();
    await db
      .updateTable("positionCandidates")
      .set({ interviewInvitedAt: sql`now()` })
      .where("positionId", "=", position.id)
      .execute();
    // Every other finalist has booked, never the demo finalist: they book in the walk-through.
    const booking = candidates.filter((candidate, i) => i % 2 === 0 && candidate.email !== demoEmail(DEMO_FINALIST));
    for (const [i, candidate] of booking.slice(0, slots.length).entries()) {
      await db
        .insertInto("interviewBookings")
        .values({
          positionId: position.id,
          applicationId: candidate.id,
          slotId: slots[i]!.id,
          seat: 1,
          status: "booked",
        })
        .execute();
    }
  }
}
