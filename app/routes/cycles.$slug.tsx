import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Role } from "~/auth/roles";
import { getOwnApplication } from "~/applications/applications.server";
import { Countdown, ZonedTime } from "~/components/local-time";
import { Markdown } from "~/components/markdown";
import { cyclePhase, PHASE_KEYS } from "~/cycles/cycle-status";
import { getCycleBySlug } from "~/cycles/cycles.server";
import { listQuestions } from "~/cycles/questions.server";
import { hasEligibilityScreen } from "~/eligibility/eligibility.server";
import { localizedDescription } from "~/i18n/content.server";
import { requestLanguage } from "~/i18n/language.server";
import { groupIntoSteps } from "~/applications/questions";
import { listPositions } from "~/matching/positions.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { notFound } from "~/utils/http.server";
import { getOptionalUser, hasRole } from "~/utils/permissions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [cycle, user] = await Promise.all([
    getCycleBySlug(context.db, params.slug ?? ""),
    getOptionalUser(request, context),
  ]);
  // A draft is visible to staff only (as a preview); to anyone else it does not exist.
  if (!cycle || (cycle.status === "draft" && !hasRole(user, Role.staff))) notFound(msg("cycle.notFound"));
  const [questions, application, positions, screened, description] = await Promise.all([
    listQuestions(context.db, cycle.id),
    user ? getOwnApplication(context.db, cycle.id, user.id) : undefined,
    listPositions(context.db, cycle.id),
    hasEligibilityScreen(context.db, cycle.id),
    requestLanguage(request, context.config, user).then((language) =>
      localizedDescription(context.db, cycle, language),
    ),
  ]);
  const now = new Date();
  return {
    title: await pageTitle(request, context, cycle.name),
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      description,
      opensAt: cycle.opensAt.toISOString(),
      closesAt: cycle.closesAt.toISOString(),
      timezone: cycle.timezone,
      phase: cyclePhase(cycle, now),
    },
    steps: groupIntoSteps(questions).map((step) => ({ title: step.title, count: step.questions.length })),
    applicationStatus: application?.status ?? null,
    // Someone without an application starts at the eligibility screen, when the cycle has one.
    startAt: !application && screened ? `/cycles/${cycle.slug}/eligibility` : `/apply/${cycle.slug}`,
    positions: positions.map((position) => ({
      id: position.id,
      title: position.title,
      description: position.description,
      organization: position.organizationName,
      seats: position.seats,
      location: position.location,
      remote: position.remote,
      skills: position.skills,
    })),
    serverNow: now.toISOString(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function CyclePage() {
  const { cycle, steps, applicationStatus, serverNow, positions, startAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const accepting = cycle.phase === "accepting";
  const where = (position: { location: string | null; remote: boolean }) =>
    position.remote
      ? position.location
        ? t("cycle.orRemote", { location: position.location })
        : t("cycle.remote")
      : position.location;
  return (
    <article className="stack">
      <p className="badge">{t(PHASE_KEYS[cycle.phase])}</p>
      <h1>{cycle.name}</h1>
      <dl className="facts">
        <dt>{t("cycle.opens")}</dt>
        <dd>
          <ZonedTime iso={cycle.opensAt} timeZone={cycle.timezone} />
        </dd>
        <dt>{t("cycle.deadline")}</dt>
        <dd>
          <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
        </dd>
      </dl>
      {accepting ? <Countdown deadline={cycle.closesAt} serverNow={serverNow} /> : null}
      <div className="actions">
        {accepting ? (
          <Link className="button" to={startAt}>
            {applicationStatus === "draft"
              ? t("cycle.continue")
              : applicationStatus
                ? t("cycle.see")
                : t("cycle.applyNow")}
          </Link>
        ) : cycle.phase === "scheduled" ? (
          <p>{t("cycle.opensOnDate")}</p>
        ) : (
          <p>{t("cycle.closed")}</p>
        )}
      </div>
      <Markdown>{cycle.description}</Markdown>
      {positions.length > 0 ? (
        <section aria-labelledby="positions-title" className="stack">
          <h2 id="positions-title">{t("cycle.positions")}</h2>
          <ul className="cards">
            {positions.map((position) => (
              <li key={position.id} className="card">
                <h3 className="question-title">{position.title}</h3>
                <p className="muted">
                  {position.organization}
                  {where(position) ? ` · ${where(position)}` : ""} · {t("cycle.fellows", { count: position.seats })}
                </p>
                {position.description ? <p>{position.description}</p> : null}
                {position.skills.length ? (
                  <p className="muted">{t("cycle.skills", { skills: position.skills.join(", ") })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {steps.length > 0 ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t("cycle.asks")}</h2>
          <ol>
            {steps.map((step) => (
              <li key={step.title}>{t("cycle.stepQuestions", { title: step.title, count: step.count })}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
