import { getFormProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import {
  DEMOGRAPHIC_FIELDS,
  DEMOGRAPHIC_LABEL_KEYS,
  DEMOGRAPHIC_OPTION_KEYS,
  DEMOGRAPHIC_QUESTIONS,
  DemographicsSchema,
} from "~/applications/demographics";
import { getOwnDemographics, saveDemographics } from "~/applications/demographics.server";
import { ApplySteps } from "~/components/apply-steps";
import { ErrorList, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseForm } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  return {
    title: await pageTitle(request, context, msg("aboutYou.pageTitle"), apply.cycle.name),
    cycle: cycleView(apply),
    steps: apply.steps.map((step) => ({ number: step.number, title: step.title })),
    started: Boolean(apply.application),
    editable: apply.editable,
    values: apply.application ? await getOwnDemographics(context.db, apply.application.id) : {},
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const { submission } = await parseForm(request, DemographicsSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent: _intent, ...values } = submission.value;
  const result = await saveDemographics(context.db, { cycleId: apply.cycle.id, applicantId: apply.user.id, values });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirect(`/apply/${apply.cycle.slug}/review`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("aboutYou.saved") }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function AboutYouPage() {
  const { cycle, steps, started, editable, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const optionText = (option: string) => {
    const key = DEMOGRAPHIC_OPTION_KEYS[option];
    return key ? t(key) : option;
  };
  const [form, fields] = useConformForm(DemographicsSchema, { id: "about-you", lastResult, defaultValue: values });
  return (
    <div className="stack">
      <h1>{t("apply.nav.aboutYou")}</h1>
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current="about-you"
        readOnly={!editable}
        references={cycle.references}
      />
      <p>{t("aboutYou.intro")}</p>
      {!started ? (
        <>
          {/* A post before the application exists: its messages show, though the form does not. */}
          <FormErrors errors={replyErrors(lastResult)} />
          <p className="notice">{t("aboutYou.saveFirst")}</p>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          {DEMOGRAPHIC_FIELDS.map((name) => {
            const field = fields[name];
            const { key, ...props } = getSelectProps(field);
            return (
              <div className="field" key={name}>
                <label htmlFor={field.id}>{t(DEMOGRAPHIC_LABEL_KEYS[name])}</label>
                <select key={key} {...props} disabled={!editable}>
                  <option value="">{t("aboutYou.noAnswer")}</option>
                  {DEMOGRAPHIC_QUESTIONS[name].options.map((option) => (
                    <option key={option} value={option}>
                      {optionText(option)}
                    </option>
                  ))}
                </select>
                <ErrorList id={field.errorId} errors={field.errors} />
              </div>
            );
          })}
          {editable ? (
            <button type="submit" name="intent" value="save-about-you">
              {t("aboutYou.save")}
            </button>
          ) : null}
        </Form>
      )}
    </div>
  );
}
