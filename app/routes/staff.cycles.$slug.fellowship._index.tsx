import { parseSubmission } from "~/utils/parse-submission";
import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { useFormat } from "~/components/use-format";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { FellowshipScheduleSchema } from "~/fellowships/fellowships.schema";
import { REPORT_KIND_KEYS, REPORT_KINDS } from "~/fellowships/lifecycle";
import { cycleSchedule, saveTerm, writeReportForm } from "~/fellowships/schedule.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const schedule = await cycleSchedule(context.db, cycle.id);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.fellowship.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    ...schedule,
  };
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
  const messages: Record<typeof value.intent, MessageKey> = {
    "save-term": "cycleAdmin.fellowship.termSaved",
    "add-form": "cycleAdmin.fellowship.formAdded",
    "update-form": "cycleAdmin.fellowship.formSaved",
    "delete-form": "cycleAdmin.fellowship.formRemoved",
  };
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/fellowship`, msg(messages[value.intent]));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

function useTiming() {
  const { t } = useTranslation();
  return (form: { kind: string; everyMonths: number | null; offsetMonths: number | null }) => {
    if (form.kind === "check_in") return t("cycleAdmin.fellowship.every", { count: form.everyMonths ?? 1 });
    if (form.kind === "midterm")
      return form.offsetMonths
        ? t("cycleAdmin.fellowship.monthsIn", { count: form.offsetMonths })
        : t("cycleAdmin.fellowship.halfway");
    return t("cycleAdmin.fellowship.lastDay");
  };
}

export default function FellowshipSchedulePage() {
  const { cycle, term, termSet, forms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  const { t } = useTranslation();
  const format = useFormat();
  const timing = useTiming();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.fellowship.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {t("cycleAdmin.fellowship.intro")} <Link to="/staff/fellowships">{t("cycleAdmin.fellowship.dashboard")}</Link>{" "}
        {t("cycleAdmin.fellowship.dashboardRest")}
      </p>
      <section aria-labelledby="term-title" className="card stack">
        <h2 id="term-title">{t("cycleAdmin.fellowship.term")}</h2>
        {!termSet ? (
          <p className="muted">
            {t("cycleAdmin.fellowship.termNotSet", {
              start: format.date(`${term.startsOn}T12:00:00Z`, "UTC"),
              end: format.date(`${term.endsOn}T12:00:00Z`, "UTC"),
            })}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <FormErrors errors={errorsFor("save-term")} />
          <input type="hidden" name="version" value={term.version} />
          <div className="field">
            <label htmlFor="startsOn">{t("cycleAdmin.fellowship.firstDay")}</label>
            <input id="startsOn" name="startsOn" type="date" defaultValue={term.startsOn} required />
          </div>
          <div className="field">
            <label htmlFor="endsOn">{t("cycleAdmin.fellowship.lastDayLabel")}</label>
            <input id="endsOn" name="endsOn" type="date" defaultValue={term.endsOn} required />
          </div>
          <div className="field">
            <label htmlFor="cohortYear">{t("cycleAdmin.fellowship.cohortYear")}</label>
            <input id="cohortYear" name="cohortYear" type="number" defaultValue={term.cohortYear} required />
          </div>
          <button type="submit" name="intent" value="save-term">
            {t("cycleAdmin.fellowship.saveTerm")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="forms-title" className="stack">
        <h2 id="forms-title">{t("cycleAdmin.fellowship.forms")}</h2>
        {forms.length === 0 ? <p>{t("cycleAdmin.fellowship.noForms")}</p> : null}
        {forms.map((form) => (
          <article key={form.id} className="card stack" aria-labelledby={`form-${form.id}`}>
            <h3 id={`form-${form.id}`}>
              {form.title}{" "}
              <span className="muted">
                · {t(REPORT_KIND_KEYS[form.kind])}, {timing(form)} ·{" "}
                {t("cycleAdmin.fellowship.questions", { count: form.questions })}
              </span>
            </h3>
            <FormErrors errors={errorsFor(form.id)} />
            <p>
              <Link to={`/staff/cycles/${cycle.slug}/fellowship/${form.id}`}>
                {t("cycleAdmin.fellowship.editQuestions")}
              </Link>
            </p>
            <details>
              <summary>{t("cycleAdmin.fellowship.changeOrRemove")}</summary>
              <ReportFormFields
                form={form}
                submit={{ intent: "update-form", label: t("cycleAdmin.fellowship.save") }}
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
                  {t("cycleAdmin.fellowship.remove", { form: form.title })}
                </button>
              </Form>
            </details>
          </article>
        ))}
        <div className="card stack">
          <h3>{t("cycleAdmin.fellowship.addForm")}</h3>
          <FormErrors errors={errorsFor("add-form")} />
          <ReportFormFields submit={{ intent: "add-form", label: t("cycleAdmin.fellowship.add") }} />
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
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      {extra}
      <div className="field">
        <label htmlFor={id("title")}>{t("cycleAdmin.fellowship.formTitle")}</label>
        <input id={id("title")} name="title" type="text" defaultValue={form?.title ?? ""} required />
      </div>
      <div className="field">
        <label htmlFor={id("kind")}>{t("cycleAdmin.fellowship.kind")}</label>
        <select id={id("kind")} name="kind" defaultValue={form?.kind ?? "check_in"}>
          {REPORT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(REPORT_KIND_KEYS[kind])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("everyMonths")}>{t("cycleAdmin.fellowship.everyMonths")}</label>
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
        <label htmlFor={id("offsetMonths")}>{t("cycleAdmin.fellowship.offsetMonths")}</label>
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
