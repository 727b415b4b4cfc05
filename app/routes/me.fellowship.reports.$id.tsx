import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { answersFromValues, buildAnswersSchema } from "~/applications/answer-schema";
import { fieldName } from "~/applications/questions";
import { FormErrors } from "~/components/forms";
import { QuestionField } from "~/components/question-field";
import { reportSummary, ReportStateBadge, ReportView, useDueDate } from "~/components/report-view";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { canSubmitReport } from "~/fellowships/lifecycle";
import { writeReport } from "~/fellowships/lifecycle.server";
import { reportForFellow } from "~/fellowships/views.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const ControlSchema = z.object({
  intent: z.enum(["save-draft", "submit-report"], { error: msg("forms.errors.unknownAction") }),
  version: z.coerce
    .number({ error: msg("forms.errors.missingVersion") })
    .int()
    .min(0),
});

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requireUser(request, context);
  const found = isUuid(id) ? await reportForFellow(context.db, user.id, id) : null;
  if (!found) notFound(msg("fellowReport.missing"));
  return { user, ...found };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { fellowship, report } = await load(request, context, params.id);
  const defaultValue: Record<string, string | string[]> = {};
  for (const question of report.questions) {
    const value = report.answers[question.id];
    if (value !== undefined) defaultValue[fieldName(question)] = value;
  }
  return {
    title: await pageTitle(request, context, report.title, msg("myFellowship.title")),
    organizationName: fellowship.organizationName,
    report: {
      id: report.id,
      title: report.title,
      dueOn: report.dueOn,
      state: report.state,
      version: report.version,
      questions: report.questions,
      writable: canSubmitReport(report.state, fellowship.status),
    },
    defaultValue,
    summary: reportSummary(report),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, report } = await load(request, context, params.id);
  const formData = await readFormData(request);
  const submit = formData.get("intent") === "submit-report";
  const schema = buildAnswersSchema(report.questions, submit ? "submit" : "draft").extend(ControlSchema.shape);
  const submission = parseSubmission(formData, { schema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await writeReport(context.db, context.config, {
    reportId: report.id,
    fellowId: user.id,
    answers: answersFromValues(report.questions, submission.value),
    version: Number(submission.value.version),
    submit,
  });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  if (submit)
    return redirectAfterSuccess(
      context.config,
      "/me/fellowship",
      msg("fellowReport.submitted", { title: report.title }),
    );
  return redirectAfterSuccess(context.config, `/me/fellowship/reports/${report.id}`, msg("fellowReport.draftSaved"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ReportPage() {
  const { report, defaultValue, summary, organizationName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = useMemo(() => buildAnswersSchema(report.questions, "draft"), [report.questions]);
  const { t } = useTranslation();
  const dueDate = useDueDate();
  const [form, fields] = useForm<Record<string, string | string[] | undefined>>({
    id: `report-${report.id}`,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  return (
    <div className="stack">
      <p className="muted">
        <Link to="/me/fellowship">{t("myFellowship.title")}</Link> · {organizationName}
      </p>
      <h1>{report.title}</h1>
      <p>
        {t("fellowReport.due", { date: dueDate(report.dueOn) })} <ReportStateBadge state={report.state} />
      </p>
      {report.state === "submitted" ? (
        <ReportView report={summary} canComment={false} />
      ) : !report.writable ? (
        <p className="notice">{t("fellowReport.opensLater")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <p>{t("fellowReport.readers")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="version" value={report.version} />
          {report.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              field={fields[fieldName(question)]!}
              disabled={false}
            />
          ))}
          <div className="actions">
            <button type="submit" name="intent" value="save-draft" className="secondary">
              {t("apply.step.saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit-report">
              {t("fellowReport.submit")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
