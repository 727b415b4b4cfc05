import { msg } from "~/i18n/message";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { passedScreen } from "~/eligibility/eligibility.server";
import { getCycleBySlug } from "~/cycles/cycles.server";
import { listQuestions } from "~/cycles/questions.server";
import { localizeQuestion } from "~/i18n/content";
import { withTranslations } from "~/i18n/content.server";
import { requestLanguage } from "~/i18n/language.server";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";
import { getOwnApplication, listApplicationFiles } from "./applications.server";
import { EDITABLE_STATUSES } from "./lifecycle";
import { groupIntoSteps } from "./questions";
import { isTwoStage, questionsForStage, stageDeadline, stageOf, stagePhase } from "./stages";

/**
 * What every page of the application form needs: the signed-in applicant, the cycle (published
 * ones only), the questions of the applicant's stage in steps (in a two-stage cycle, the letter of
 * intent's until it is invited, then all of them), and the applicant's own application and files.
 * The questions are in the applicant's language where staff translated them (`localizeQuestion`).
 */
export async function loadApplyContext(request: Request, context: AppLoadContext, slug: string | undefined) {
  const user = await requireUser(request, context);
  const cycle = await getCycleBySlug(context.db, slug ?? "");
  if (!cycle || cycle.status === "draft") notFound(msg("cycle.notFound"));
  const [stored, application, language] = await Promise.all([
    listQuestions(context.db, cycle.id).then((questions) => withTranslations(context.db, "question", questions)),
    getOwnApplication(context.db, cycle.id, user.id),
    requestLanguage(request, context.config, user),
  ]);
  const allQuestions = stored.map((question) => localizeQuestion(question, language));
  // No draft is started before the eligibility screen is passed (an existing one stays reachable).
  if (!application && !(await passedScreen(context.db, request, context.config, cycle.id)))
    throw redirect(`/cycles/${cycle.slug}/eligibility`);
  const files = application ? await listApplicationFiles(context.db, application.id) : [];
  const stage = stageOf(cycle, application);
  const questions = questionsForStage(allQuestions, stage);
  const phase = stagePhase(cycle, stage, new Date());
  const editable = phase === "accepting" && (!application || EDITABLE_STATUSES.includes(application.status));
  return {
    user,
    cycle,
    stage,
    questions,
    steps: groupIntoSteps(questions),
    /** Steps of the full application an LOI may not open yet (empty when none are held back). */
    heldSteps: stage === "loi" ? groupIntoSteps(allQuestions).length : 0,
    application,
    files,
    phase,
    editable,
  };
}

export type ApplyContext = Awaited<ReturnType<typeof loadApplyContext>>;

/** The cycle as the applicant's pages show it. */
export function cycleView(context: ApplyContext) {
  return {
    slug: context.cycle.slug,
    name: context.cycle.name,
    /** The deadline of the applicant's stage. */
    closesAt: stageDeadline(context.cycle, context.stage).toISOString(),
    timezone: context.cycle.timezone,
    stage: isTwoStage(context.cycle) ? context.stage : null,
    phase: context.phase,
    blindReview: context.cycle.blindReview,
    /** The cycle asks for references (a step of their own). */
    references: context.cycle.referencesMax > 0 && context.stage === "full",
  };
}
