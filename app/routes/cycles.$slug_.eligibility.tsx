import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/forms";
import { cyclePhase } from "~/cycles/cycle-status";
import { getCycleBySlug } from "~/cycles/cycles.server";
import {
  countScreenouts,
  listLocalizedEligibilityQuestions,
  readScreenCookie,
  writeScreenCookie,
} from "~/eligibility/eligibility.server";
import { eligibilityField, screen } from "~/eligibility/screen";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requestLanguage } from "~/i18n/language.server";
import { getOptionalUser } from "~/utils/permissions.server";
import { readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

// The eligibility screen (public): a few questions before anyone writes a word. Nothing about the
// visitor is stored; only the count of those screened out, by the question that stopped them.

async function loadScreen(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const cycle = await getCycleBySlug(context.db, slug ?? "");
  if (!cycle || cycle.status === "draft") notFound(msg("cycle.notFound"));
  const language = await requestLanguage(request, context.config, await getOptionalUser(request, context));
  return { cycle, questions: await listLocalizedEligibilityQuestions(context.db, cycle.id, language) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, questions } = await loadScreen(request, context, params.slug);
  if (questions.length === 0) throw redirect(`/apply/${cycle.slug}`);
  return {
    title: await pageTitle(request, context, msg("eligibility.title"), cycle.name),
    cycle: { slug: cycle.slug, name: cycle.name, accepting: cyclePhase(cycle, new Date()) === "accepting" },
    questions: questions.map(({ id, label, help, options, optionLabels }) => ({
      id,
      label,
      help,
      options,
      optionLabels,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { cycle, questions } = await loadScreen(request, context, params.slug);
  const formData = await readFormData(request);
  const values = Object.fromEntries(
    questions.map((question) => [eligibilityField(question), formData.get(eligibilityField(question))]),
  );
  const answers = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, typeof value === "string" ? value : ""]),
  );
  const result = screen(questions, answers);
  if (result.kind === "incomplete")
    return data(
      { kind: "incomplete" as const, fieldErrors: result.fieldErrors, answers, reasons: [] },
      { status: 400 },
    );
  const stored = await readScreenCookie(request, context.config);
  if (result.kind === "eligible") {
    const cookie = await writeScreenCookie(context.config, {
      passed: [...stored.passed.filter((id) => id !== cycle.id), cycle.id],
      counted: stored.counted,
    });
    return redirect(`/apply/${cycle.slug}`, { headers: { "Set-Cookie": cookie } });
  }
  // Counted once per browser and question, however often the visitor tries again.
  const fresh = result.reasons.map((reason) => reason.questionId).filter((id) => !stored.counted.includes(id));
  await countScreenouts(context.db, cycle.id, fresh);
  const cookie = await writeScreenCookie(context.config, {
    passed: stored.passed.filter((id) => id !== cycle.id),
    counted: [...stored.counted, ...fresh],
  });
  return data(
    { kind: "not-eligible" as const, fieldErrors: {}, answers, reasons: result.reasons },
    { headers: { "Set-Cookie": cookie } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function EligibilityPage() {
  const { cycle, questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string[]> = actionData?.fieldErrors ?? {};
  const answers: Record<string, string> = actionData?.answers ?? {};
  // A new key per answer keeps the radios showing what the server was sent, with or without JavaScript.
  const formKey = JSON.stringify(answers);
  return (
    <div className="stack narrow">
      <h1>{t("eligibility.title")}</h1>
      <p>{t("eligibility.intro", { cycle: cycle.name })}</p>
      {actionData?.kind === "not-eligible" ? (
        <section className="notice notice-warning" role="alert" aria-labelledby="not-eligible">
          <h2 id="not-eligible">{t("eligibility.sorry")}</h2>
          <ul>
            {actionData.reasons.map((reason) => (
              <li key={reason.questionId}>
                <strong>{reason.label}</strong> {reason.reason}
              </li>
            ))}
          </ul>
          <p>{t("eligibility.mistake")}</p>
        </section>
      ) : null}
      {actionData?.kind === "incomplete" ? <FormErrors errors={[msg("eligibility.answerEvery")]} /> : null}
      {!cycle.accepting ? <p className="notice">{t("eligibility.notAccepting")}</p> : null}
      <Form method="post" className="stack" key={formKey}>
        {questions.map((question) => {
          const field = eligibilityField(question);
          const fieldErrors = errors[field];
          const helpId = `${field}-help`;
          const errorId = `${field}-error`;
          return (
            <fieldset
              key={question.id}
              className="field choice-group"
              aria-describedby={
                [question.help ? helpId : null, fieldErrors ? errorId : null].filter(Boolean).join(" ") || undefined
              }
            >
              <legend className="fieldset-legend">{question.label}</legend>
              {question.help ? (
                <p id={helpId} className="hint">
                  {question.help}
                </p>
              ) : null}
              {question.options.map((option, index) => (
                <label key={option} className="choice">
                  <input type="radio" name={field} value={option} defaultChecked={answers[field] === option} />
                  {question.optionLabels?.[index] ?? option}
                </label>
              ))}
              <ErrorList id={errorId} errors={fieldErrors} />
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit">{t("eligibility.check")}</button>
          <Link to={`/cycles/${cycle.slug}`} className="button secondary">
            {t("eligibility.back")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
