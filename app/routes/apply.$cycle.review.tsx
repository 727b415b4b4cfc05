import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { submitApplication } from "~/applications/applications.server";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import { shownQuestionIds } from "~/applications/conditions";
import { isAnswered } from "~/applications/questions";
import { ApplySteps } from "~/components/apply-steps";
import { FormErrors, replyErrors } from "~/components/forms";
import { ZonedTime } from "~/components/local-time";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseForm } from "~/utils/forms.server";

const SubmitSchema = z.object({
  intent: z.literal("submit", { error: msg("forms.errors.unknownAction") }),
  version: z.coerce
    .number({ error: msg("forms.errors.missingVersion") })
    .int()
    .min(0),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const answers = apply.application?.answers ?? {};
  const files = new Map(apply.files.map((file) => [file.id, file]));
  // Only what the answers call for: a question hidden by an earlier answer is not asked.
  const shown = shownQuestionIds(apply.questions, answers);
  return {
    title: await pageTitle(request, context, msg("applyReview.pageTitle"), apply.cycle.name),
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
  const loi = apply.stage === "loi" && apply.cycle.loiClosesAt;
  const message = result.alreadySubmitted
    ? msg(loi ? "applyReview.alreadyLoi" : "applyReview.alreadyApplication")
    : msg(loi ? "applyReview.submittedLoi" : "applyReview.submittedApplication");
  return redirect("/me/applications", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ReviewPage() {
  const { cycle, steps, application, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const format = useFormat();
  const missing = steps.flatMap((step) =>
    step.questions.filter((q) => q.required && !q.answered).map((q) => ({ ...q, step: step.number })),
  );
  const submitted = application && application.status !== "draft" && application.status !== "loi_draft";
  return (
    <div className="stack">
      <h1>{editable ? t("apply.nav.reviewSubmit") : t("apply.nav.yourAnswers")}</h1>
      <p className="muted">{cycle.name}</p>
      <ApplySteps slug={cycle.slug} steps={steps} current="review" readOnly={!editable} references={cycle.references} />
      <FormErrors errors={replyErrors(actionData)} />
      {submitted ? (
        <p className="notice">
          {t("apply.status")} <strong>{t(APPLICATION_STATUS_KEYS[application.status])}</strong>
          {application.submittedAt
            ? t("applyReview.submittedOn", { date: format.dateTime(application.submittedAt, cycle.timezone) })
            : ""}
          . {editable ? t("applyReview.stillChange") : t("applyReview.noLongerChanged")}
        </p>
      ) : null}
      {missing.length > 0 && editable ? (
        <section className="notice notice-warning" aria-labelledby="missing-title">
          <h2 id="missing-title">{t("applyReview.missingTitle")}</h2>
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
            <Link to={`/apply/${cycle.slug}/${step.number}`}>
              {editable ? t("applyReview.edit") : t("applyReview.view")}
            </Link>
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
                      {question.required ? t("applyReview.notAnsweredRequired") : t("applyReview.notAnswered")}
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
            {cycle.stage === "loi" ? t("applyReview.submitLoi") : t("applyReview.submitApplication")}
          </button>
          {missing.length > 0 ? <span className="muted">{t("applyReview.answerFirst")}</span> : null}
        </Form>
      ) : !application && editable ? (
        <p>
          <Link to={`/apply/${cycle.slug}/${steps[0] ? 1 : ""}`}>{t("applyReview.start")}</Link>
        </p>
      ) : null}
      <p>
        {cycle.stage === "loi" ? t("apply.loiDeadline") : t("apply.deadline")}{" "}
        <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
      </p>
    </div>
  );
}
