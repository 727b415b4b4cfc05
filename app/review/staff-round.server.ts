import type { AppLoadContext } from "@remix-run/node";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pickRound } from "./rounds";
import { listRounds } from "./rounds.server";
import { applicationInRound } from "./reassignment.server";
import { isUuid, notFound } from "~/utils/http.server";
import { msg } from "~/i18n/message";

/** Staff pages that work per round: the cycle, its rounds, and the one asked for (`?round=2`, else the latest). */
export async function requireStaffRound(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { staff, cycle } = await requireStaffCycle(request, context, slug);
  const rounds = await listRounds(context.db, cycle.id);
  const round = pickRound(rounds, new URL(request.url).searchParams.get("round"));
  // Every cycle has its first round from its creation (or the migration that introduced rounds).
  if (!round) throw new Error(`Cycle ${cycle.id} has no review round`);
  return { staff, cycle, rounds, round };
}

/** Staff, the round asked for, and one application of it (another cycle's, or none: 404). */
export async function requireRoundApplication(
  request: Request,
  context: AppLoadContext,
  params: { slug?: string; applicationId?: string },
) {
  const found = await requireStaffRound(request, context, params.slug);
  const application = isUuid(params.applicationId)
    ? await applicationInRound(context.db, found.round, params.applicationId)
    : null;
  if (!application) notFound(msg("selection.refusals.notInRound"));
  return { ...found, application };
}

/** The search text of the reviewer field, capped so a long one cannot make a slow query. */
export const reviewerSearchText = (url: URL) => (url.searchParams.get("q") ?? "").slice(0, 100);
