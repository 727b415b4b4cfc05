import { getFormProps } from "@conform-to/react";
import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { Field, FormErrors, TextAreaField } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, withTranslations } from "~/i18n/content.server";
import { EligibilityActionSchema } from "~/eligibility/eligibility.schema";
import { addEligibilityQuestion, removeEligibilityQuestion, screenoutCounts } from "~/eligibility/eligibility.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const questions = await withTranslations(context.db, "eligibility", await screenoutCounts(context.db, cycle.id));
  return { cycle: { slug: cycle.slug, name: cycle.name }, questions };
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
    value.intent === "add" ? "Screening question added." : "Screening question removed.",
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Eligibility — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

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
  return (
    <div className="stack">
      <h1>{`Eligibility screen of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        Visitors answer these questions at{" "}
        <Link to={`/cycles/${cycle.slug}/eligibility`}>{`/cycles/${cycle.slug}/eligibility`}</Link> before a draft is
        created. Someone whose answer does not qualify is told why and may change their answers. Only counts are kept:
        nothing about who was screened out.
      </p>
      {questions.length === 0 ? (
        <p className="muted">No screening questions: anyone may start an application.</p>
      ) : (
        <table>
          <caption>{`Screened out so far: ${total} (a visitor stopped by two questions counts under each)`}</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Qualifying answers</th>
              <th scope="col">What a visitor who does not qualify reads</th>
              <th scope="col">Screened out</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <tr key={question.id}>
                <th scope="row">{question.label}</th>
                <td>{`${question.qualifying.join(", ")} (of ${question.options.join(", ")})`}</td>
                <td>{question.reason}</td>
                <td>{question.screenedOut}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="questionId" value={question.id} />
                    <button type="submit" name="intent" value="remove" className="danger">
                      Remove<span className="visually-hidden">: {question.label}</span>
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
          <h2 id="screen-translations">Translations</h2>
          <p className="hint">
            Visitors read a question in their language where it is translated, else as written above. The answers that
            qualify stay those of the original.
          </p>
          {questions.map((question) => (
            <div key={question.id} className="card">
              <h3>{question.label}</h3>
              <TranslationsForm
                itemId={question.id}
                itemName={question.label}
                translations={question.translations}
                reply={translationReply}
                fields={[
                  { name: "label", label: "Question", original: question.label },
                  { name: "help", label: "Help", original: question.help },
                  { name: "options", label: "Answers, one per line", original: question.options.join(" / ") },
                  {
                    name: "reason",
                    label: "What a visitor with another answer reads",
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
        <h2 id="add-screen">Add a screening question</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label="Question" field={f.label} />
          <Field label="Help (optional)" field={f.help} />
          <TextAreaField
            label="Answers (one per line)"
            field={f.options}
            rows={3}
            hint="For a yes/no question: Yes and No."
          />
          <TextAreaField label="Answers that qualify (one per line)" field={f.qualifying} rows={2} />
          <TextAreaField
            label="What a visitor with another answer reads"
            field={f.reason}
            rows={2}
            hint="Say kindly why the program cannot take their application."
          />
          <div className="actions">
            <button type="submit" name="intent" value="add">
              Add question
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
