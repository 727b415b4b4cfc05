import type { Expression, ExpressionBuilder } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { Role } from "./roles";

/**
 * One boolean column per role of the user `userId` names (a value, or a column of the outer
 * query, so the session lookup can carry them): staff is granted, the others follow from what
 * they do.
 */
export function roleFlags(eb: ExpressionBuilder<Database, never>, userId: string | Expression<string>) {
  return [
    eb
      .exists(eb.selectFrom("userRoles").select("userId").where("userId", "=", userId).where("role", "=", "staff"))
      .as("staff"),
    eb.exists(eb.selectFrom("applications").select("id").where("applicantId", "=", userId)).as("applicant"),
    eb.exists(eb.selectFrom("orgMembers").select("userId").where("userId", "=", userId)).as("partner"),
    eb
      .exists(eb.selectFrom("cycleReviewers").select("userId").where("userId", "=", userId).where("active", "=", true))
      .as("reviewer"),
    // An ally has a consented profile that is not withdrawn.
    eb
      .exists(eb.selectFrom("allyProfiles").select("id").where("userId", "=", userId).where("withdrawnAt", "is", null))
      .as("ally"),
    // A fellow accepted a placement.
    eb
      .exists(
        eb.selectFrom("applications").select("id").where("applicantId", "=", userId).where("status", "=", "accepted"),
      )
      .as("fellow"),
    // An alumnus completed a fellowship year.
    eb
      .exists(
        eb.selectFrom("fellowships").select("id").where("fellowId", "=", userId).where("status", "=", "completed"),
      )
      .as("alumnus"),
  ] as const;
}

export type RoleFlagRow = Record<
  "staff" | "applicant" | "partner" | "reviewer" | "ally" | "fellow" | "alumnus",
  unknown
>;

/** The roles of a row of role flags, in the order pages list them. */
export function rolesOf(row: RoleFlagRow): Role[] {
  const roles: Role[] = [];
  if (row.staff) roles.push(Role.staff);
  if (row.reviewer) roles.push(Role.reviewer);
  if (row.partner) roles.push(Role.partner);
  if (row.ally) roles.push(Role.ally);
  if (row.fellow) roles.push(Role.fellow);
  if (row.alumnus) roles.push(Role.alumnus);
  if (row.applicant) roles.push(Role.applicant);
  return roles;
}

/** Every role a user holds right now, in one query. */
export async function loadRoles(db: DB, userId: string): Promise<Role[]> {
  return rolesOf(await db.selectNoFrom((eb) => roleFlags(eb, userId)).executeTakeFirstOrThrow());
}
