import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Role } from "~/auth/roles";
import { getOwnApplication } from "~/applications/applications.server";
import { Countdown, ZonedTime } from "~/components/local-time";
import { Markdown } from "~/components/markdown";
import { cyclePhase, PHASE_LABELS } from "~/cycles/cycle-status";
import { getCycleBySlug } from "~/cycles/cycles.server";
import { listQuestions } from "~/cycles/questions.server";
import { hasEligibilityScreen } from "~/eligibility/eligibility.server";
import { localizedDescription } from "~/i18n/content.server";
import { requestLanguage } from "~/i18n/language.server";
import { groupIntoSteps } from "~/applications/questions";
import { listPositions } from "~/matching/positions.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser, hasRole } from "~/utils/permissions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [cycle, user] = await Promise.all([
    getCycleBySlug(context.db, params.slug ?? ""),
    getOptionalUser(request, context),
  ]);
  // A draft is visible to staff only (as a preview); to anyone else it does not exist.
  if (!cycle || (cycle.status === "draft" && !hasRole(user, Role.staff)))
    notFound("We could not find that fellowship cycle.");
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
      where: position.remote ? (position.location ? `${position.location} or remote` : "Remote") : position.location,
      skills: position.skills,
    })),
    serverNow: now.toISOString(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cycle.name} — Open Web Fellows` : "Fellowship cycle — Open Web Fellows" },
];

export default function CyclePage() {
  const { cycle, steps, applicationStatus, serverNow, positions, startAt } = useLoaderData<typeof loader>();
  const accepting = cycle.phase === "accepting";
  return (
    <article className="stack">
      <p className="badge">{PHASE_LABELS[cycle.phase]}</p>
      <h1>{cycle.name}</h1>
      <dl className="facts">
        <dt>Opens</dt>
        <dd>
          <ZonedTime iso={cycle.opensAt} timeZone={cycle.timezone} />
        </dd>
        <dt>Deadline</dt>
        <dd>
          <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
        </dd>
      </dl>
      {accepting ? <Countdown deadline={cycle.closesAt} serverNow={serverNow} /> : null}
      <div className="actions">
        {accepting ? (
          <Link className="button" to={startAt}>
            {applicationStatus === "draft"
              ? "Continue your application"
              : applicationStatus
                ? "See your application"
                : "Apply now"}
          </Link>
        ) : cycle.phase === "scheduled" ? (
          <p>Applications open on the date above.</p>
        ) : (
          <p>Applications are closed.</p>
        )}
      </div>
      <Markdown>{cycle.description}</Markdown>
      {positions.length > 0 ? (
        <section aria-labelledby="positions-title" className="stack">
          <h2 id="positions-title">Host positions</h2>
          <ul className="cards">
            {positions.map((position) => (
              <li key={position.id} className="card">
                <h3 className="question-title">{position.title}</h3>
                <p className="muted">
                  {position.organization}
                  {position.where ? ` · ${position.where}` : ""} · {position.seats} fellow
                  {position.seats === 1 ? "" : "s"}
                </p>
                {position.description ? <p>{position.description}</p> : null}
                {position.skills.length ? <p className="muted">Skills: {position.skills.join(", ")}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {steps.length > 0 ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">What the application asks</h2>
          <ol>
            {steps.map((step) => (
              <li key={step.title}>
                {step.title} ({step.count} question{step.count === 1 ? "" : "s"})
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
