import { redirect, type AppLoadContext } from "@remix-run/node";
import { passedScreen } from "~/eligibility/eligibility.server";
import { cyclePhase } from "~/cycles/cycle-status";
import { getCycleBySlug } from "~/cycles/cycles.server";
import { listQuestions } from "~/cycles/questions.server";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";
import { getOwnApplication, listApplicationFiles } from "./applications.server";
import { groupIntoSteps } from "./questions";

/**
 * What every page of the application form needs: the signed-in applicant, the cycle (published
 * ones only), its questions in steps, and the applicant's own application and files, if any.
 */
export async function loadApplyContext(request: Request, context: AppLoadContext, slug: string | undefined) {
  const user = await requireUser(request, context);
  const cycle = await getCycleBySlug(context.db, slug ?? "");
  if (!cycle || cycle.status === "draft") notFound("We could not find that fellowship cycle.");
  const [questions, application] = await Promise.all([
    listQuestions(context.db, cycle.id),
    getOwnApplication(context.db, cycle.id, user.id),
  ]);
  // No draft is started before the eligibility screen is passed (an existing one stays reachable).
  if (!application && !(await passedScreen(context.db, request, context.config, cycle.id)))
    throw redirect(`/cycles/${cycle.slug}/eligibility`);
  const files = application ? await listApplicationFiles(context.db, application.id) : [];
  const phase = cyclePhase(cycle, new Date());
  const editable =
    phase === "accepting" && (!application || application.status === "draft" || application.status === "submitted");
  return { user, cycle, questions, steps: groupIntoSteps(questions), application, files, phase, editable };
}

export type ApplyContext = Awaited<ReturnType<typeof loadApplyContext>>;

/** The cycle as the applicant's pages show it. */
export function cycleView(context: ApplyContext) {
  return {
    slug: context.cycle.slug,
    name: context.cycle.name,
    closesAt: context.cycle.closesAt.toISOString(),
    timezone: context.cycle.timezone,
    phase: context.phase,
    blindReview: context.cycle.blindReview,
    /** The cycle asks for references (a step of their own). */
    references: context.cycle.referencesMax > 0,
  };
}
