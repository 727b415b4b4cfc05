import type { DB } from "#db/client";
import { Role } from "./roles";

/** Every role a user holds right now, in one query. */
export async function loadRoles(db: DB, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom("userRoles").select("role").where("userId", "=", userId).execute();
  const roles = new Set<Role>();
  for (const row of rows) if (row.role === Role.staff) roles.add(Role.staff);
  return [...roles];
}
