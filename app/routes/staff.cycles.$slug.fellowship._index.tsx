import { parseSubmission } from "~/utils/parse-submission";
import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { formatDueDate } from "~/components/report-view";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { FellowshipScheduleSchema } from "~/fellowships/fellowships.schema";
import { REPORT_KIND_LABELS, REPORT_KINDS } from "~/fellowships/lifecycle";
import { cycleSchedule, saveTerm, writeReportForm } from "~/fellowships/schedule.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const schedule = await cycleSchedule(context.db, cycle.id);
  return { cycle: { slug: cycle.slug, name: cycle.name }, ...schedule };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  const target = String(formData.get("formId") ?? formData.get("intent") ?? "page");
  const submission = parseSubmission(formData, { schema: FellowshipScheduleSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const result =
    value.intent === "save-term"
      ? await saveTerm(context.db, staff.id, cycle.id, value)
      : await writeReportForm(
          context.db,
          staff.id,
          cycle.id,
          value.intent === "add-form"
            ? { intent: value.intent, input: value }
            : value.intent === "update-form"
              ? { intent: value.intent, formId: value.formId, version: value.version, input: value }
              : { intent: value.intent, formId: value.formId },
        );
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  const messages = {
    "save-term": "The fellowship term is saved; active fellowships and their reports follow it.",
    "add-form": "Report added to the schedule.",
    "update-form": "Report saved.",
    "delete-form": "Report removed from the schedule.",
  } as const;
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/fellowship`, messages[value.intent]);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Fellowship year — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

function timing(form: { kind: string; everyMonths: number | null; offsetMonths: number | null }) {
  if (form.kind === "check_in") return `every ${form.everyMonths ?? 1} month${form.everyMonths === 1 ? "" : "s"}`;
  if (form.kind === "midterm") return form.offsetMonths ? `${form.offsetMonths} months in` : "halfway";
  return "on the last day";
}

export default function FellowshipSchedulePage() {
  const { cycle, term, termSet, forms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  return (
    <div className="stack">
      <h1>{`Fellowship year of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        A finalist who accepts a placement starts a fellowship with this term. Fellows are reminded of each check-in and
        report; hosts read and comment on their own fellow&apos;s. <Link to="/staff/fellowships">The dashboard</Link>{" "}
        shows what is due, late or done.
      </p>
      <section aria-labelledby="term-title" className="card stack">
        <h2 id="term-title">Term</h2>
        {!termSet ? (
          <p className="muted">
            Not set: fellowships accepted now would run {formatDueDate(term.startsOn)} – {formatDueDate(term.endsOn)}.
          </p>
        ) : null}
        <Form method="post" className="stack">
          <FormErrors errors={errorsFor("save-term")} />
          <input type="hidden" name="version" value={term.version} />
          <div className="field">
            <label htmlFor="startsOn">First day</label>
            <input id="startsOn" name="startsOn" type="date" defaultValue={term.startsOn} required />
          </div>
          <div className="field">
            <label htmlFor="endsOn">Last day</label>
            <input id="endsOn" name="endsOn" type="date" defaultValue={term.endsOn} required />
          </div>
          <div className="field">
            <label htmlFor="cohortYear">Cohort year</label>
            <input id="cohortYear" name="cohortYear" type="number" defaultValue={term.cohortYear} required />
          </div>
          <button type="submit" name="intent" value="save-term">
            Save the term
          </button>
        </Form>
      </section>
      <section aria-labelledby="forms-title" className="stack">
        <h2 id="forms-title">Check-ins and reports</h2>
        {forms.length === 0 ? <p>No check-ins or reports yet.</p> : null}
        {forms.map((form) => (
          <article key={form.id} className="card stack" aria-labelledby={`form-${form.id}`}>
            <h3 id={`form-${form.id}`}>
              {form.title}{" "}
              <span className="muted">
                · {REPORT_KIND_LABELS[form.kind]}, {timing(form)} · {form.questions} question
                {form.questions === 1 ? "" : "s"}
              </span>
            </h3>
            <FormErrors errors={errorsFor(form.id)} />
            <p>
              <Link to={`/staff/cycles/${cycle.slug}/fellowship/${form.id}`}>Edit its questions</Link>
            </p>
            <details>
              <summary>Change or remove</summary>
              <ReportFormFields
                form={form}
                submit={{ intent: "update-form", label: "Save" }}
                extra={
                  <>
                    <input type="hidden" name="formId" value={form.id} />
                    <input type="hidden" name="version" value={form.version} />
                  </>
                }
              />
              <Form method="post">
                <input type="hidden" name="formId" value={form.id} />
                <button type="submit" name="intent" value="delete-form" className="danger">
                  Remove {form.title}
                </button>
              </Form>
            </details>
          </article>
        ))}
        <div className="card stack">
          <h3>Add a check-in or report</h3>
          <FormErrors errors={errorsFor("add-form")} />
          <ReportFormFields submit={{ intent: "add-form", label: "Add" }} />
        </div>
      </section>
    </div>
  );
}

function ReportFormFields({
  form,
  submit,
  extra,
}: {
  form?: { id: string; kind: string; title: string; everyMonths: number | null; offsetMonths: number | null };
  submit: { intent: string; label: string };
  extra?: ReactNode;
}) {
  const id = (name: string) => `${name}-${form?.id ?? "new"}`;
  return (
    <Form method="post" className="stack">
      {extra}
      <div className="field">
        <label htmlFor={id("title")}>Title</label>
        <input id={id("title")} name="title" type="text" defaultValue={form?.title ?? ""} required />
      </div>
      <div className="field">
        <label htmlFor={id("kind")}>Kind</label>
        <select id={id("kind")} name="kind" defaultValue={form?.kind ?? "check_in"}>
          {REPORT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {REPORT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("everyMonths")}>Check-ins: every how many months</label>
        <input
          id={id("everyMonths")}
          name="everyMonths"
          type="number"
          min={1}
          max={12}
          defaultValue={form?.everyMonths ?? ""}
        />
      </div>
      <div className="field">
        <label htmlFor={id("offsetMonths")}>Mid-term: months after the start (blank for halfway)</label>
        <input
          id={id("offsetMonths")}
          name="offsetMonths"
          type="number"
          min={1}
          max={36}
          defaultValue={form?.offsetMonths ?? ""}
        />
      </div>
      <button type="submit" name="intent" value={submit.intent}>
        {submit.label}
        {form ? <span className="visually-hidden"> {form.title}</span> : null}
      </button>
    </Form>
  );
}
