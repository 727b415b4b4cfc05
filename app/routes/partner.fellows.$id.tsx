import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FellowshipHeader } from "~/components/fellowship-header";
import { replyErrors } from "~/components/forms";
import { reportSummary, ReportView } from "~/components/report-view";
import { addReportComment } from "~/fellowships/comments.server";
import { CommentSchema } from "~/fellowships/fellowships.schema";
import { fellowshipDetail, fellowshipSummary } from "~/fellowships/views.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requirePartner } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requirePartner(request, context);
  // Another host's fellow answers like a missing one.
  const fellowship = isUuid(id) ? await fellowshipDetail(context.db, id, { memberId: user.id }) : null;
  if (!fellowship) notFound(msg("hostFellows.notFound"));
  return { user, fellowship };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { fellowship } = await load(request, context, params.id);
  return {
    title: await pageTitle(request, context, fellowship.fellowName, msg("partnerPositions.area")),
    fellowship: fellowshipSummary(fellowship),
    reports: fellowship.reports.map(reportSummary),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, fellowship } = await load(request, context, params.id);
  const formData = await readFormData(request);
  const target = String(formData.get("reportId") ?? "page");
  const submission = parseSubmission(formData, { schema: CommentSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const result = await addReportComment(context.db, context.config, {
    reportId: submission.value.reportId,
    fellowshipId: fellowship.id,
    author: { id: user.id, name: user.name, staff: false },
    body: submission.value.body,
  });
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  return redirectAfterSuccess(
    context.config,
    `/partner/fellows/${fellowship.id}#report-${submission.value.reportId}`,
    msg("hostFellows.commented"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function HostFellowPage() {
  const { fellowship, reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  return (
    <div className="stack">
      <FellowshipHeader fellowship={fellowship} errors={errorsFor("page")} />
      <section aria-labelledby="reports-title" className="stack">
        <h2 id="reports-title">{t("hostFellows.reportsTitle")}</h2>
        {reports.length === 0 ? <p>{t("hostFellows.noReports")}</p> : null}
        {reports.map((report) => (
          <ReportView key={report.id} report={report} canComment errors={errorsFor(report.id)} />
        ))}
      </section>
    </div>
  );
}
