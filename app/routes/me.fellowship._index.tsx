import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, replyErrors } from "~/components/forms";
import { formatDueDate, ReportStateBadge } from "~/components/report-view";
import { FELLOWSHIP_STATUS_LABELS } from "~/fellowships/lifecycle";
import { setAlumniListing } from "~/fellowships/lifecycle.server";
import { fellowView } from "~/fellowships/views.server";
import { checkboxField } from "~/utils/form-fields";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";

const AlumniSchema = z.object({
  intent: z.literal("alumni-listing", { error: "That form action is not known." }),
  fellowshipId: z.uuid("Choose a fellowship"),
  listed: checkboxField,
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const view = await fellowView(context.db, user.id);
  return {
    hasProfile: view.hasProfile,
    fellowships: view.fellowships.map((fellowship) => ({
      id: fellowship.id,
      organizationName: fellowship.organizationName,
      positionTitle: fellowship.positionTitle,
      startsOn: fellowship.startsOn,
      endsOn: fellowship.endsOn,
      cohortYear: fellowship.cohortYear,
      status: fellowship.status,
      listed: fellowship.alumniListingAt !== null,
      counts: fellowship.counts,
      reports: fellowship.reports.map((report) => ({
        id: report.id,
        title: report.title,
        dueOn: report.dueOn,
        state: report.state,
        comments: report.comments,
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: AlumniSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await setAlumniListing(context.db, {
    fellowId: user.id,
    fellowshipId: submission.value.fellowshipId,
    listed: submission.value.listed,
  });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirectAfterSuccess(
    context.config,
    "/me/fellowship",
    submission.value.listed ? "Your profile now shows your cohort." : "Your profile no longer shows your cohort.",
  );
}

export const meta: MetaFunction = () => [{ title: "Your fellowship — Open Web Fellows" }];

export default function MyFellowshipPage() {
  const { fellowships, hasProfile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Your fellowship</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {fellowships.length === 0 ? <p>Your fellowship year appears here once you accept a placement.</p> : null}
      {fellowships.map((fellowship) => (
        <section key={fellowship.id} className="stack" aria-labelledby={`fellowship-${fellowship.id}`}>
          <h2 id={`fellowship-${fellowship.id}`}>
            {fellowship.positionTitle} <span className="muted">· {fellowship.organizationName}</span>
          </h2>
          <p>
            {fellowship.cohortYear} cohort · {formatDueDate(fellowship.startsOn)} – {formatDueDate(fellowship.endsOn)} ·{" "}
            {FELLOWSHIP_STATUS_LABELS[fellowship.status]}
          </p>
          {fellowship.status === "completed" ? (
            <div className="card stack">
              <h3>You are an alumnus of the {fellowship.cohortYear} cohort</h3>
              <Form method="post" className="stack">
                <input type="hidden" name="fellowshipId" value={fellowship.id} />
                <label className="choice">
                  <input type="checkbox" name="listed" defaultChecked={fellowship.listed} />
                  Show “Open Web Fellows alumnus, {fellowship.cohortYear} cohort” on my network profile
                </label>
                <button type="submit" name="intent" value="alumni-listing" className="secondary">
                  Save
                </button>
              </Form>
              {hasProfile ? null : (
                <p>
                  You have no network profile yet. <Link to="/me/profile">Create one</Link> to be found by partners and
                  campaigns.
                </p>
              )}
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>Check-ins and reports</caption>
              <thead>
                <tr>
                  <th scope="col">Report</th>
                  <th scope="col">Due</th>
                  <th scope="col">State</th>
                  <th scope="col">Comments</th>
                </tr>
              </thead>
              <tbody>
                {fellowship.reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={`/me/fellowship/reports/${report.id}`}>{report.title}</Link>
                    </th>
                    <td>{formatDueDate(report.dueOn)}</td>
                    <td>
                      <ReportStateBadge state={report.state} />
                    </td>
                    <td>{report.comments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
