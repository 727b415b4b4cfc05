import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors, replyErrors } from "~/components/forms";
import { ReportStateBadge, useDueDate } from "~/components/report-view";
import type { FellowshipStatus } from "#db/types";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { setAlumniListing } from "~/fellowships/lifecycle.server";
import { fellowView } from "~/fellowships/views.server";
import { checkboxField } from "~/utils/form-fields";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";

const AlumniSchema = z.object({
  intent: z.literal("alumni-listing", { error: msg("forms.errors.unknownAction") }),
  fellowshipId: z.uuid(msg("myFellowship.chooseFellowship")),
  listed: checkboxField,
});

const STATUS_KEYS: Record<FellowshipStatus, MessageKey> = {
  active: "myFellowship.status.active",
  completed: "myFellowship.status.completed",
  ended_early: "myFellowship.status.endedEarly",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const view = await fellowView(context.db, user.id);
  return {
    title: await pageTitle(request, context, msg("myFellowship.title")),
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
    submission.value.listed ? msg("myFellowship.listed") : msg("myFellowship.unlisted"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function MyFellowshipPage() {
  const { fellowships, hasProfile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dueDate = useDueDate();
  return (
    <div className="stack">
      <h1>{t("myFellowship.title")}</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {fellowships.length === 0 ? <p>{t("myFellowship.none")}</p> : null}
      {fellowships.map((fellowship) => (
        <section key={fellowship.id} className="stack" aria-labelledby={`fellowship-${fellowship.id}`}>
          <h2 id={`fellowship-${fellowship.id}`}>
            {fellowship.positionTitle} <span className="muted">· {fellowship.organizationName}</span>
          </h2>
          <p>
            {t("myFellowship.cohortLine", {
              year: fellowship.cohortYear,
              start: dueDate(fellowship.startsOn),
              end: dueDate(fellowship.endsOn),
              status: t(STATUS_KEYS[fellowship.status]),
            })}
          </p>
          {fellowship.status === "completed" ? (
            <div className="card stack">
              <h3>{t("myFellowship.alumnusTitle", { year: fellowship.cohortYear })}</h3>
              <Form method="post" className="stack">
                <input type="hidden" name="fellowshipId" value={fellowship.id} />
                <label className="choice">
                  <input type="checkbox" name="listed" defaultChecked={fellowship.listed} />
                  {t("myFellowship.showCohort", { year: fellowship.cohortYear })}
                </label>
                <button type="submit" name="intent" value="alumni-listing" className="secondary">
                  {t("myFellowship.save")}
                </button>
              </Form>
              {hasProfile ? null : (
                <p>
                  <Trans i18nKey="myFellowship.noProfile" components={{ anchor: <Link to="/me/profile" /> }} />
                </p>
              )}
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>{t("myFellowship.reportsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("myFellowship.report")}</th>
                  <th scope="col">{t("myFellowship.due")}</th>
                  <th scope="col">{t("myFellowship.state")}</th>
                  <th scope="col">{t("myFellowship.comments")}</th>
                </tr>
              </thead>
              <tbody>
                {fellowship.reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={`/me/fellowship/reports/${report.id}`}>{report.title}</Link>
                    </th>
                    <td>{dueDate(report.dueOn)}</td>
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
