import { getFormProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { cycleView, loadApplyContext } from "~/applications/apply-context.server";
import { DEMOGRAPHIC_FIELDS, DEMOGRAPHIC_QUESTIONS, DemographicsSchema } from "~/applications/demographics";
import { getOwnDemographics, saveDemographics } from "~/applications/demographics.server";
import { ApplySteps } from "~/components/apply-steps";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseForm } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  return {
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
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: "Saved. Thank you." }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `About you — ${data?.cycle.name ?? "Application"} — Open Web Fellows` },
];

export default function AboutYouPage() {
  const { cycle, steps, started, editable, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(DemographicsSchema, { id: "about-you", lastResult, defaultValue: values });
  return (
    <div className="stack">
      <h1>About you (optional)</h1>
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current="about-you"
        readOnly={!editable}
        references={cycle.references}
      />
      <p>
        These questions help us see whether the program reaches people from every background. Every answer is optional.
        They are kept apart from your application: reviewers never see them, and staff only see totals over groups of at
        least five people.
      </p>
      {!started ? (
        <p className="notice">Save an answer in one of the steps first; then you can add these.</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          {DEMOGRAPHIC_FIELDS.map((name) => {
            const field = fields[name];
            const { key, ...props } = getSelectProps(field);
            return (
              <div className="field" key={name}>
                <label htmlFor={field.id}>{DEMOGRAPHIC_QUESTIONS[name].label}</label>
                <select key={key} {...props} disabled={!editable}>
                  <option value="">No answer</option>
                  {DEMOGRAPHIC_QUESTIONS[name].options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
                <ErrorList id={field.errorId} errors={field.errors} />
              </div>
            );
          })}
          {editable ? (
            <button type="submit" name="intent" value="save-about-you">
              Save and review
            </button>
          ) : null}
        </Form>
      )}
    </div>
  );
}
