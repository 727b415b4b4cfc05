import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FellowshipHeader } from "~/components/fellowship-header";
import { replyErrors } from "~/components/forms";
import { reportSummary, ReportView } from "~/components/report-view";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { addReportComment } from "~/fellowships/comments.server";
import { CommentSchema, FellowshipAdminSchema } from "~/fellowships/fellowships.schema";
import { moveFellowship } from "~/fellowships/lifecycle.server";
import { fellowshipDetail, fellowshipSummary } from "~/fellowships/views.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const staff = await requireStaff(request, context);
  const fellowship = isUuid(id) ? await fellowshipDetail(context.db, id, { staff: true }) : null;
  if (!fellowship) notFound(msg("staff.fellowship.notFound"));
  return { staff, fellowship };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { fellowship } = await load(request, context, params.id);
  return {
    title: await pageTitle(request, context, fellowship.fellowName, msg("staff.nav.label")),
    fellowship: {
      ...fellowshipSummary(fellowship),
      fellowEmail: fellowship.fellowEmail,
      endReason: fellowship.endReason,
    },
    reports: fellowship.reports.map(reportSummary),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, fellowship } = await load(request, context, params.id);
  const formData = await readFormData(request);
  const back = (message: string) =>
    redirectAfterSuccess(context.config, `/staff/fellowships/${fellowship.id}`, message);
  if (formData.get("intent") === "comment") {
    const target = String(formData.get("reportId") ?? "page");
    const submission = parseSubmission(formData, { schema: CommentSchema });
    if (submission.status !== "success") return invalid({ target, result: submission.reply() });
    const result = await addReportComment(context.db, context.config, {
      reportId: submission.value.reportId,
      fellowshipId: fellowship.id,
      author: { id: staff.id, name: staff.name, staff: true },
      body: submission.value.body,
    });
    if (!result.ok)
      return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    return back(msg("staff.fellowship.commented"));
  }
  const submission = parseSubmission(formData, { schema: FellowshipAdminSchema });
  if (submission.status !== "success") return invalid({ target: "admin", result: submission.reply() });
  const value = submission.value;
  const moved = await context.db.transaction().execute((trx) =>
    moveFellowship(trx, context.config, {
      fellowshipId: fellowship.id,
      to: value.intent === "complete" ? "completed" : "ended_early",
      actorId: staff.id,
      reason: value.intent === "end-early" ? value.reason : undefined,
    }),
  );
  if (!moved.ok)
    return invalid({ target: "admin", result: submission.reply({ formErrors: [moved.message] }) }, moved.status);
  return back(value.intent === "complete" ? msg("staff.fellowship.completed") : msg("staff.fellowship.ended"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffFellowshipPage() {
  const { fellowship, reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <StaffNav />
      <FellowshipHeader fellowship={fellowship} errors={errorsFor("admin")} />
      <p>
        {t("staff.fellowship.email")} <a href={`mailto:${fellowship.fellowEmail}`}>{fellowship.fellowEmail}</a>
        {fellowship.endReason ? t("staff.fellowship.endedBecause", { reason: fellowship.endReason }) : ""}
      </p>
      {fellowship.status === "active" ? (
        <details className="card">
          <summary>{t("staff.fellowship.manage")}</summary>
          <Form method="post" className="stack">
            <p>{t("staff.fellowship.completeHint")}</p>
            <button type="submit" name="intent" value="complete" className="secondary">
              {t("staff.fellowship.complete")}
            </button>
          </Form>
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="end-reason">{t("staff.fellowship.endReason")}</label>
              <textarea id="end-reason" name="reason" rows={2} required />
            </div>
            <button type="submit" name="intent" value="end-early" className="danger">
              {t("staff.fellowship.endEarly")}
            </button>
          </Form>
        </details>
      ) : null}
      <section aria-labelledby="reports-title" className="stack">
        <h2 id="reports-title">{t("staff.fellowship.reports")}</h2>
        {reports.length === 0 ? <p>{t("staff.fellowship.noReports")}</p> : null}
        {reports.map((report) => (
          <ReportView key={report.id} report={report} canComment errors={errorsFor(report.id)} />
        ))}
      </section>
    </div>
  );
}
