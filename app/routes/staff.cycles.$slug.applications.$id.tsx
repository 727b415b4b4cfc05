import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getApplicationForStaff } from "~/applications/admin.server";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { shownQuestions } from "~/applications/conditions";
import { groupIntoSteps, isAnswered } from "~/applications/questions";
import { CycleNav } from "~/components/cycle-nav";
import { formatSize } from "~/components/question-field";
import { listQuestions } from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { formatDateTime } from "~/utils/format";
import { isUuid, notFound } from "~/utils/http.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  if (!isUuid(params.id)) notFound("We could not find that application.");
  const [application, questions] = await Promise.all([
    getApplicationForStaff(context.db, cycle.id, params.id),
    listQuestions(context.db, cycle.id),
  ]);
  if (!application) notFound("We could not find that application.");
  const files = new Map(application.files.map((file) => [file.id, file]));
  return {
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    application: {
      id: application.id,
      name: application.name,
      email: application.email,
      status: application.status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      events: application.events.map((event) => ({
        kind: event.kind,
        toStatus: event.toStatus,
        at: event.at.toISOString(),
      })),
    },
    steps: groupIntoSteps(shownQuestions(questions, application.answers)).map((step) => ({
      title: step.title,
      answers: step.questions.map((question) => {
        const value = application.answers[question.id];
        const file = question.kind === "file" && typeof value === "string" ? files.get(value) : undefined;
        return {
          id: question.id,
          label: question.label,
          identifying: question.identifying,
          answered: isAnswered(question, value),
          text: file ? null : Array.isArray(value) ? value.join(", ") : (value ?? null),
          file: file ? { id: file.id, filename: file.filename, size: file.sizeBytes } : null,
        };
      }),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.name ?? "Application"} — Staff — Open Web Fellows` },
];

export default function StaffApplicationPage() {
  const { cycle, application, steps } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{`Application of ${application.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <dl className="facts">
        <dt>Email</dt>
        <dd>{application.email}</dd>
        <dt>Status</dt>
        <dd>{APPLICATION_STATUS_LABELS[application.status]}</dd>
        <dt>Submitted</dt>
        <dd>{application.submittedAt ? formatDateTime(application.submittedAt, cycle.timezone) : "Not yet"}</dd>
      </dl>
      {steps.map((step) => (
        <section key={step.title}>
          <h2>{step.title}</h2>
          <dl className="answers">
            {step.answers.map((answer) => (
              <div key={answer.id}>
                <dt>
                  {answer.label} {answer.identifying ? <span className="badge">identifying</span> : null}
                </dt>
                <dd>
                  {answer.file ? (
                    <a href={`/files/${answer.file.id}`}>
                      {answer.file.filename} ({formatSize(answer.file.size)})
                    </a>
                  ) : answer.answered ? (
                    answer.text
                  ) : (
                    <span className="muted">Not answered</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <h2>History</h2>
      <ol className="history">
        {application.events.map((event, index) => (
          <li key={index}>
            {formatDateTime(event.at, cycle.timezone)}: {event.kind}
            {event.toStatus ? ` → ${event.toStatus}` : ""}
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/applications`}>Back to all applications</Link>
      </p>
    </div>
  );
}
