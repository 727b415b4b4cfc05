import type { AppLoadContext } from "@remix-run/node";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pickRound } from "./rounds";
import { listRounds } from "./rounds.server";

/** Staff pages that work per round: the cycle, its rounds, and the one asked for (`?round=2`, else the latest). */
export async function requireStaffRound(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { staff, cycle } = await requireStaffCycle(request, context, slug);
  const rounds = await listRounds(context.db, cycle.id);
  const round = pickRound(rounds, new URL(request.url).searchParams.get("round"));
  // Every cycle has its first round from its creation (or the migration that introduced rounds).
  if (!round) throw new Error(`Cycle ${cycle.id} has no review round`);
  return { staff, cycle, rounds, round };
}
