import type { AppLoadContext } from "@remix-run/node";
import { notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";
import { getCycleBySlug } from "./cycles.server";

/** Staff pages of one cycle: the staff member and the cycle, or 404. */
export async function requireStaffCycle(request: Request, context: AppLoadContext, slug: string | undefined) {
  const staff = await requireStaff(request, context);
  const cycle = await getCycleBySlug(context.db, slug ?? "");
  if (!cycle) notFound("We could not find that cycle.");
  return { staff, cycle };
}
