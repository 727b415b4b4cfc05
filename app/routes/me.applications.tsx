import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUS_LABELS, WITHDRAWABLE_STATUSES } from "~/applications/application-status";
import { listMyApplications, withdrawApplication } from "~/applications/applications.server";
import { FormErrors, replyErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";

const WithdrawSchema = z.object({
  intent: z.literal("withdraw", { error: "That form action is not known." }),
  applicationId: z.uuid("Choose an application"),
  confirm: z.literal("on", { error: "Tick the box to confirm that you want to withdraw" }),
});

const EVENT_LABELS: Record<string, string> = {
  created: "Started",
  submitted: "Submitted",
  edited: "Changed after submitting",
  withdrawn: "Withdrawn",
  status: "Status changed",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const applications = await listMyApplications(context.db, user.id);
  return {
    applications: applications.map((application) => ({
      id: application.id,
      status: application.status,
      cycleSlug: application.cycleSlug,
      cycleName: application.cycleName,
      closesAt: application.closesAt.toISOString(),
      timezone: application.timezone,
      accepting: application.accepting,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      events: application.events.map((event) => ({
        kind: event.kind,
        toStatus: event.toStatus,
        at: event.at.toISOString(),
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const { submission } = await parseForm(request, WithdrawSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await withdrawApplication(context.db, {
    applicationId: submission.value.applicationId,
    applicantId: user.id,
  });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirect("/me/applications", {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: "Your application is withdrawn." }),
    },
  });
}

export const meta: MetaFunction = () => [{ title: "Your applications — Open Web Fellows" }];

export default function MyApplicationsPage() {
  const { applications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Your applications</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {applications.length === 0 ? <p>You have not started an application yet.</p> : null}
      {applications.map((application) => (
        <section key={application.id} className="card stack" aria-labelledby={`app-${application.id}`}>
          <h2 id={`app-${application.id}`}>{application.cycleName}</h2>
          <p>
            Status: <strong>{APPLICATION_STATUS_LABELS[application.status]}</strong>
            {application.submittedAt
              ? ` · submitted ${formatDateTime(application.submittedAt, application.timezone)}`
              : ""}
          </p>
          <h3 className="visually-hidden">History</h3>
          <ol className="history">
            {application.events.map((event, index) => (
              <li key={index}>
                {formatDateTime(event.at, application.timezone)}: {EVENT_LABELS[event.kind] ?? event.kind}
                {event.kind === "status" && event.toStatus
                  ? ` — ${APPLICATION_STATUS_LABELS[event.toStatus as keyof typeof APPLICATION_STATUS_LABELS] ?? event.toStatus}`
                  : ""}
              </li>
            ))}
          </ol>
          <div className="actions">
            <Link to={`/apply/${application.cycleSlug}/review`}>
              {application.accepting && ["draft", "submitted"].includes(application.status)
                ? "Continue or change"
                : "Read your answers"}
            </Link>
          </div>
          {WITHDRAWABLE_STATUSES.includes(application.status) ? (
            <Form method="post" className="withdraw">
              <input type="hidden" name="applicationId" value={application.id} />
              <label className="choice">
                <input type="checkbox" name="confirm" />I want to withdraw this application (this cannot be undone)
              </label>
              <button type="submit" name="intent" value="withdraw" className="danger">
                Withdraw<span className="visually-hidden"> from {application.cycleName}</span>
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </div>
  );
}
