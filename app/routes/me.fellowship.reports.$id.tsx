import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { answersFromValues, buildAnswersSchema } from "~/applications/answer-schema";
import { fieldName } from "~/applications/questions";
import { FormErrors } from "~/components/forms";
import { QuestionField } from "~/components/question-field";
import { formatDueDate, reportSummary, ReportStateBadge, ReportView } from "~/components/report-view";
import { canSubmitReport } from "~/fellowships/lifecycle";
import { writeReport } from "~/fellowships/lifecycle.server";
import { reportForFellow } from "~/fellowships/views.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const ControlSchema = z.object({
  intent: z.enum(["save-draft", "submit-report"], { error: "That form action is not known." }),
  version: z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(0),
});

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requireUser(request, context);
  const found = isUuid(id) ? await reportForFellow(context.db, user.id, id) : null;
  if (!found) notFound("We could not find that report.");
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
    return redirectAfterSuccess(context.config, "/me/fellowship", `Your ${report.title} is submitted. Thank you!`);
  return redirectAfterSuccess(context.config, `/me/fellowship/reports/${report.id}`, "Draft saved.");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.title ?? "Report"} — Your fellowship — Open Web Fellows` },
];

export default function ReportPage() {
  const { report, defaultValue, summary, organizationName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = useMemo(() => buildAnswersSchema(report.questions, "draft"), [report.questions]);
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
        <Link to="/me/fellowship">Your fellowship</Link> · {organizationName}
      </p>
      <h1>{report.title}</h1>
      <p>
        Due {formatDueDate(report.dueOn)} <ReportStateBadge state={report.state} />
      </p>
      {report.state === "submitted" ? (
        <ReportView report={summary} canComment={false} />
      ) : !report.writable ? (
        <p className="notice">This report opens two weeks before it is due.</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <p>Your host and the program staff read what you submit; drafts stay yours.</p>
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
              Save draft
            </button>
            <button type="submit" name="intent" value="submit-report">
              Submit the report
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
