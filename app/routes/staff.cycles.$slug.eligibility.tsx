import { getFormProps } from "@conform-to/react";
import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { Field, FormErrors, TextAreaField } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, withTranslations } from "~/i18n/content.server";
import { EligibilityActionSchema } from "~/eligibility/eligibility.schema";
import { addEligibilityQuestion, removeEligibilityQuestion, screenoutCounts } from "~/eligibility/eligibility.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const questions = await withTranslations(context.db, "eligibility", await screenoutCounts(context.db, cycle.id));
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.eligibility.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    questions,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  if (formData.get("intent") === "translate")
    return translationAction(
      context,
      formData,
      staff.id,
      "eligibility",
      cycle.id,
      `/staff/cycles/${cycle.slug}/eligibility`,
    );
  const submission = parseSubmission(formData, { schema: EligibilityActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  if (value.intent === "add") await addEligibilityQuestion(context.db, staff.id, cycle.id, value);
  else await removeEligibilityQuestion(context.db, staff.id, cycle.id, value.questionId);
  return redirectAfterSuccess(
    context.config,
    `/staff/cycles/${cycle.slug}/eligibility`,
    value.intent === "add" ? msg("cycleAdmin.eligibility.added") : msg("cycleAdmin.eligibility.removed"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function EligibilityStaffPage() {
  const { cycle, questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const translationReply = actionData && "target" in actionData ? actionData : undefined;
  const lastResult = actionData && !("target" in actionData) ? actionData : undefined;
  const [form, fields] = useConformForm(EligibilityActionSchema, { id: "add-screen-question", lastResult });
  const f = fields as unknown as Record<
    "label" | "help" | "options" | "qualifying" | "reason",
    Parameters<typeof Field>[0]["field"]
  >;
  const total = questions.reduce((sum, question) => sum + question.screenedOut, 0);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.eligibility.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {t("cycleAdmin.eligibility.introAt")}{" "}
        <Link to={`/cycles/${cycle.slug}/eligibility`}>{`/cycles/${cycle.slug}/eligibility`}</Link>{" "}
        {t("cycleAdmin.eligibility.introRest")}
      </p>
      {questions.length === 0 ? (
        <p className="muted">{t("cycleAdmin.eligibility.none")}</p>
      ) : (
        <table>
          <caption>{t("cycleAdmin.eligibility.caption", { total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cycleAdmin.eligibility.question")}</th>
              <th scope="col">{t("cycleAdmin.eligibility.qualifying")}</th>
              <th scope="col">{t("cycleAdmin.eligibility.reasonColumn")}</th>
              <th scope="col">{t("cycleAdmin.eligibility.screenedOut")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("cycleAdmin.eligibility.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <tr key={question.id}>
                <th scope="row">{question.label}</th>
                <td>
                  {t("cycleAdmin.eligibility.qualifyingOf", {
                    qualifying: question.qualifying.join(", "),
                    options: question.options.join(", "),
                  })}
                </td>
                <td>{question.reason}</td>
                <td>{question.screenedOut}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="questionId" value={question.id} />
                    <button type="submit" name="intent" value="remove" className="danger">
                      {t("cycleAdmin.questions.remove")}
                      <span className="visually-hidden">: {question.label}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {questions.length ? (
        <section className="stack" aria-labelledby="screen-translations">
          <h2 id="screen-translations">{t("cycleAdmin.eligibility.translations")}</h2>
          <p className="hint">{t("cycleAdmin.eligibility.translationsHint")}</p>
          {questions.map((question) => (
            <div key={question.id} className="card">
              <h3>{question.label}</h3>
              <TranslationsForm
                itemId={question.id}
                itemName={question.label}
                translations={question.translations}
                reply={translationReply}
                fields={[
                  { name: "label", label: t("cycleAdmin.eligibility.question"), original: question.label },
                  { name: "help", label: t("cycleAdmin.questions.help"), original: question.help },
                  {
                    name: "options",
                    label: t("cycleAdmin.eligibility.answersPerLine"),
                    original: question.options.join(" / "),
                  },
                  {
                    name: "reason",
                    label: t("cycleAdmin.eligibility.reason"),
                    original: question.reason,
                    multiline: true,
                  },
                ]}
              />
            </div>
          ))}
        </section>
      ) : null}
      <section className="card narrow" aria-labelledby="add-screen">
        <h2 id="add-screen">{t("cycleAdmin.eligibility.add")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label={t("cycleAdmin.eligibility.question")} field={f.label} />
          <Field label={t("cycleAdmin.eligibility.help")} field={f.help} />
          <TextAreaField
            label={t("cycleAdmin.eligibility.answers")}
            field={f.options}
            rows={3}
            hint={t("cycleAdmin.eligibility.answersHint")}
          />
          <TextAreaField label={t("cycleAdmin.eligibility.qualifyingLabel")} field={f.qualifying} rows={2} />
          <TextAreaField
            label={t("cycleAdmin.eligibility.reason")}
            field={f.reason}
            rows={2}
            hint={t("cycleAdmin.eligibility.reasonHint")}
          />
          <div className="actions">
            <button type="submit" name="intent" value="add">
              {t("cycleAdmin.questionEditor.add")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
