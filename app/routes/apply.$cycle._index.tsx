import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import { isAnswered } from "~/applications/questions";
import { ApplySteps } from "~/components/apply-steps";
import { ZonedTime } from "~/components/local-time";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const answers = apply.application?.answers ?? {};
  return {
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Apply: ${data?.cycle.name ?? "fellowship"} — Open Web Fellows` },
];

export default function ApplyOverview() {
  const { cycle, status, editable, steps } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{cycle.stage === "loi" ? `Your letter of intent to ${cycle.name}` : `Your application to ${cycle.name}`}</h1>
      {cycle.stage === "loi" ? (
        <p>
          This cycle has two stages. First a short letter of intent; the program then invites some applicants to the
          full application, which opens with the letter’s answers already in place.
        </p>
      ) : cycle.stage === "full" ? (
        <p>Your letter of intent was invited: this full application starts from its answers.</p>
      ) : null}
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current="overview"
        readOnly={!editable}
        references={cycle.references}
      />
      <p>
        Status: <strong>{status ? APPLICATION_STATUS_LABELS[status] : "Not started"}</strong>.{" "}
        {cycle.stage === "loi" ? "Letter-of-intent deadline" : "Deadline"}:{" "}
        <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />.
      </p>
      {!editable ? (
        <p className="notice notice-warning">
          {status === "withdrawn"
            ? "You withdrew this application: it is kept as it was, and can no longer be changed or submitted."
            : status === "not_invited"
              ? "Your letter of intent was not invited to the full application. It stays readable here."
              : cycle.phase === "accepting"
                ? "This application can no longer be changed."
                : "Applications are closed: your answers stay readable here."}
        </p>
      ) : (
        <p>
          Every step is saved as a draft when you move on, and (with JavaScript) while you type. Nothing is sent until
          you submit.
        </p>
      )}
      <ol className="cards" aria-label="Steps">
        {steps.map((step) => (
          <li key={step.number} className="card">
            <h2>
              <Link to={`/apply/${cycle.slug}/${step.number}`}>{`${step.number}. ${step.title}`}</Link>
            </h2>
            <p>
              {step.answered} of {step.total} answered
              {step.missingRequired > 0 ? (
                <span className="missing">{` · ${step.missingRequired} required left`}</span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      {editable ? (
        <div className="actions">
          <Link className="button" to={`/apply/${cycle.slug}/${steps[0] ? 1 : "review"}`}>
            {status ? "Continue" : "Start"}
          </Link>
          <Link className="button secondary" to={`/apply/${cycle.slug}/review`}>
            Review and submit
          </Link>
        </div>
      ) : status ? (
        <p>
          <Link to={`/apply/${cycle.slug}/review`}>Read your answers</Link>
        </p>
      ) : null}
    </div>
  );
}
