import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { submitApplication } from "~/applications/applications.server";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import { shownQuestionIds } from "~/applications/conditions";
import { isAnswered } from "~/applications/questions";
import { ApplySteps } from "~/components/apply-steps";
import { FormErrors, replyErrors } from "~/components/forms";
import { ZonedTime } from "~/components/local-time";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, parseForm } from "~/utils/forms.server";

const SubmitSchema = z.object({
  intent: z.literal("submit", { error: "That form action is not known." }),
  version: z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(0),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const answers = apply.application?.answers ?? {};
  const files = new Map(apply.files.map((file) => [file.id, file]));
  // Only what the answers call for: a question hidden by an earlier answer is not asked.
  const shown = shownQuestionIds(apply.questions, answers);
  return {
    cycle: cycleView(apply),
    steps: apply.steps.map((step) => ({
      number: step.number,
      title: step.title,
      questions: step.questions
        .filter((question) => shown.has(question.id))
        .map((question) => {
          const value = answers[question.id];
          const answered = isAnswered(question, value);
          const file = question.kind === "file" && typeof value === "string" ? files.get(value) : undefined;
          return {
            id: question.id,
            label: question.label,
            required: question.required,
            answered,
            answer: file ? null : Array.isArray(value) ? value.join(", ") : (value ?? null),
            file: file ? { id: file.id, filename: file.filename } : null,
          };
        }),
    })),
    application: apply.application
      ? {
          status: apply.application.status,
          version: apply.application.version,
          submittedAt: apply.application.submittedAt?.toISOString() ?? null,
        }
      : null,
    editable: apply.editable,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const { submission } = await parseForm(request, SubmitSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await submitApplication(context.db, context.config, {
    cycleId: apply.cycle.id,
    applicantId: apply.user.id,
    version: submission.value.version,
  });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  const what = apply.stage === "loi" && apply.cycle.loiClosesAt ? "letter of intent" : "application";
  const message = result.alreadySubmitted
    ? `Your ${what} was already submitted; nothing changed.`
    : `Your ${what} is submitted. A receipt with a copy of your answers is on its way to your email.`;
  return redirect("/me/applications", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review — ${data?.cycle.name ?? "Application"} — Open Web Fellows` },
];

export default function ReviewPage() {
  const { cycle, steps, application, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const missing = steps.flatMap((step) =>
    step.questions.filter((q) => q.required && !q.answered).map((q) => ({ ...q, step: step.number })),
  );
  const submitted = application && application.status !== "draft" && application.status !== "loi_draft";
  return (
    <div className="stack">
      <h1>{editable ? "Review and submit" : "Your answers"}</h1>
      <p className="muted">{cycle.name}</p>
      <ApplySteps slug={cycle.slug} steps={steps} current="review" readOnly={!editable} references={cycle.references} />
      <FormErrors errors={replyErrors(actionData)} />
      {submitted ? (
        <p className="notice">
          Status: <strong>{APPLICATION_STATUS_LABELS[application.status]}</strong>
          {application.submittedAt
            ? `, submitted ${formatDateTime(application.submittedAt, cycle.timezone)}`
            : ""}. {editable ? "You can still change your answers until the deadline." : "It can no longer be changed."}
        </p>
      ) : null}
      {missing.length > 0 && editable ? (
        <section className="notice notice-warning" aria-labelledby="missing-title">
          <h2 id="missing-title">Still to answer before you can submit</h2>
          <ul>
            {missing.map((question) => (
              <li key={question.id}>
                <Link to={`/apply/${cycle.slug}/${question.step}`}>{question.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {steps.map((step) => (
        <section key={step.number} aria-labelledby={`step-${step.number}-title`}>
          <h2 id={`step-${step.number}-title`}>
            {`${step.number}. ${step.title}`}{" "}
            <Link to={`/apply/${cycle.slug}/${step.number}`}>{editable ? "Edit" : "View"}</Link>
          </h2>
          <dl className="answers">
            {step.questions.map((question) => (
              <div key={question.id}>
                <dt>{question.label}</dt>
                <dd>
                  {question.file ? (
                    <a href={`/files/${question.file.id}`}>{question.file.filename}</a>
                  ) : question.answered ? (
                    question.answer
                  ) : (
                    <span className={question.required ? "missing" : "muted"}>
                      {question.required ? "Not answered yet (required)" : "Not answered"}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {editable && (application?.status === "draft" || application?.status === "loi_draft") ? (
        <Form method="post" className="actions">
          <input type="hidden" name="version" value={application.version} />
          <button
            type="submit"
            name="intent"
            value="submit"
            disabled={missing.length > 0 || navigation.state === "submitting"}
          >
            {cycle.stage === "loi" ? "Submit my letter of intent" : "Submit my application"}
          </button>
          {missing.length > 0 ? <span className="muted">Answer the questions above first.</span> : null}
        </Form>
      ) : !application && editable ? (
        <p>
          <Link to={`/apply/${cycle.slug}/${steps[0] ? 1 : ""}`}>Start your application</Link>
        </p>
      ) : null}
      <p>
        {cycle.stage === "loi" ? "Letter-of-intent deadline" : "Deadline"}:{" "}
        <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
      </p>
    </div>
  );
}
