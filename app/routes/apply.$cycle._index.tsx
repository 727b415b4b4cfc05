import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import { isAnswered } from "~/applications/questions";
import { ApplySteps } from "~/components/apply-steps";
import { ZonedTime } from "~/components/local-time";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const answers = apply.application?.answers ?? {};
  return {
    title: await pageTitle(request, context, msg("apply.overview.pageTitle", { cycle: apply.cycle.name })),
    cycle: cycleView(apply),
    status: apply.application?.status ?? null,
    editable: apply.editable,
    steps: apply.steps.map((step) => ({
      number: step.number,
      title: step.title,
      answered: step.questions.filter((question) => isAnswered(question, answers[question.id])).length,
      total: step.questions.length,
      missingRequired: step.questions.filter(
        (question) => question.required && !isAnswered(question, answers[question.id]),
      ).length,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ApplyOverview() {
  const { cycle, status, editable, steps } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>
        {cycle.stage === "loi"
          ? t("apply.overview.headingLoi", { cycle: cycle.name })
          : t("apply.overview.heading", { cycle: cycle.name })}
      </h1>
      {cycle.stage === "loi" ? (
        <p>{t("apply.overview.loiIntro")}</p>
      ) : cycle.stage === "full" ? (
        <p>{t("apply.overview.fullIntro")}</p>
      ) : null}
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current="overview"
        readOnly={!editable}
        references={cycle.references}
      />
      <p>
        {t("apply.status")}{" "}
        <strong>{status ? t(APPLICATION_STATUS_KEYS[status]) : t("apply.overview.notStarted")}</strong>.{" "}
        {cycle.stage === "loi" ? t("apply.loiDeadline") : t("apply.deadline")}{" "}
        <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />.
      </p>
      {!editable ? (
        <p className="notice notice-warning">
          {status === "withdrawn"
            ? t("apply.overview.withdrawn")
            : status === "not_invited"
              ? t("apply.overview.notInvited")
              : cycle.phase === "accepting"
                ? t("apply.noLongerChanged")
                : t("apply.overview.closed")}
        </p>
      ) : (
        <p>{t("apply.overview.draftNote")}</p>
      )}
      <ol className="cards" aria-label={t("apply.overview.stepsLabel")}>
        {steps.map((step) => (
          <li key={step.number} className="card">
            <h2>
              <Link to={`/apply/${cycle.slug}/${step.number}`}>{`${step.number}. ${step.title}`}</Link>
            </h2>
            <p>
              {t("apply.overview.answered", { answered: step.answered, total: step.total })}
              {step.missingRequired > 0 ? (
                <span className="missing">{` · ${t("apply.overview.requiredLeft", { count: step.missingRequired })}`}</span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      {editable ? (
        <div className="actions">
          <Link className="button" to={`/apply/${cycle.slug}/${steps[0] ? 1 : "review"}`}>
            {status ? t("apply.overview.continue") : t("apply.overview.start")}
          </Link>
          <Link className="button secondary" to={`/apply/${cycle.slug}/review`}>
            {t("apply.nav.reviewSubmit")}
          </Link>
        </div>
      ) : status ? (
        <p>
          <Link to={`/apply/${cycle.slug}/review`}>{t("apply.readAnswers")}</Link>
        </p>
      ) : null}
    </div>
  );
}
