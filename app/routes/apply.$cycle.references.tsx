import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadApplyContext, cycleView } from "~/applications/apply-context.server";
import { ApplySteps } from "~/components/apply-steps";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { ReferenceActionSchema, referenceDeadline } from "~/references/references";
import { listOwnReferences, nameReferee, remindReferee, replaceReferee } from "~/references/references.server";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { forbidden, notFound, passRetryAfter, tooMany } from "~/utils/http.server";

export const headers = passRetryAfter;

async function load(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const apply = await loadApplyContext(request, context, slug);
  if (apply.cycle.referencesMax === 0) notFound(msg("references.noneAsked"));
  // Referees are asked for the full application only: a letter of intent names none.
  if (apply.stage === "loi") forbidden(msg("references.fullOnly"));
  return apply;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await load(request, context, params.cycle);
  const references = apply.application ? await listOwnReferences(context.db, apply.application.id) : [];
  const deadline = referenceDeadline(apply.cycle);
  const withdrawn = apply.application?.status === "withdrawn";
  return {
    title: await pageTitle(request, context, msg("references.title"), apply.cycle.name),
    cycle: cycleView(apply),
    steps: apply.steps.map((step) => ({ number: step.number, title: step.title })),
    editable: apply.editable,
    started: Boolean(apply.application),
    min: apply.cycle.referencesMin,
    max: apply.cycle.referencesMax,
    deadline: deadline.toISOString(),
    open: !withdrawn && new Date() < deadline,
    references: references.map(({ receivedAt, ...reference }) => ({
      ...reference,
      receivedAt: receivedAt?.toISOString() ?? null,
    })),
  };
}

type FormName = "add" | `replace-${string}` | "remind";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const apply = await load(request, context, params.cycle);
  const { submission } = await parseForm(request, ReferenceActionSchema);
  const formName = (): FormName => {
    const value = submission.payload.intent;
    if (value === "replace") return `replace-${String(submission.payload.requestId)}`;
    return value === "remind" ? "remind" : "add";
  };
  if (submission.status !== "success") return invalid({ form: formName(), result: submission.reply() });
  if (!apply.application)
    return invalid({ form: formName(), result: submission.reply({ formErrors: [msg("references.saveFirst")] }) }, 409);
  const value = submission.value;
  const ids = { applicantId: apply.user.id, applicationId: apply.application.id };
  const result =
    value.intent === "add-referee"
      ? await nameReferee(context.db, context.config, { ...ids, referee: value })
      : value.intent === "remind"
        ? await remindReferee(context.db, context.config, { ...ids, requestId: value.requestId })
        : await replaceReferee(context.db, context.config, { ...ids, requestId: value.requestId, referee: value });
  if (!result.ok) {
    const reply = {
      form: formName(),
      result: submission.reply(
        result.field === "email" ? { fieldErrors: { email: [result.message] } } : { formErrors: [result.message] },
      ),
    };
    return result.status === 429 ? tooMany(reply, result.retryAfter ?? 60) : invalid(reply, result.status);
  }
  const message =
    value.intent === "add-referee"
      ? msg("references.flashAdded", { name: value.name })
      : value.intent === "remind"
        ? msg("references.flashReminded")
        : msg("references.flashReplaced", { name: value.name });
  return redirect(`/apply/${apply.cycle.slug}/references`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

function RefereeForm({
  id,
  intent,
  requestId,
  lastResult,
  submitLabel,
}: {
  id: string;
  intent: "add-referee" | "replace";
  requestId?: string;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useConformForm(ReferenceActionSchema, { id, lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      {requestId ? <input type="hidden" name="requestId" value={requestId} /> : null}
      <Field label={t("references.refereeName")} field={fields.name} inputProps={{ autoComplete: "off" }} />
      <Field
        label={t("references.refereeEmail")}
        field={fields.email}
        type="email"
        inputProps={{ autoComplete: "off" }}
      />
      <Field label={t("references.relationship")} field={fields.relationship} hint={t("references.relationshipHint")} />
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}

export default function ReferencesPage() {
  const { cycle, steps, editable, started, min, max, deadline, open, references } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const resultFor = (name: string) =>
    actionData?.form === name ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const remindErrors = actionData?.form === "remind" ? replyErrors(actionData.result) : [];
  const active = references.length;
  return (
    <div className="stack">
      <h1>{t("references.title")}</h1>
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current="references"
        readOnly={!editable}
        references={cycle.references}
      />
      <p>
        {t("references.intro", {
          cycle: cycle.name,
          count: max,
          range: min === max ? format.number(min) : t("references.range", { min, max }),
          deadline: format.dateTime(deadline, cycle.timezone),
        })}
      </p>
      {!started ? (
        <p className="notice">{t("references.saveFirst")}</p>
      ) : (
        <>
          <FormErrors errors={remindErrors} />
          {references.length === 0 ? (
            <p className="muted">{t("references.noneYet")}</p>
          ) : (
            <ul className="stack" aria-label={t("references.listLabel")}>
              {references.map((reference) => (
                <li key={reference.id} className="card stack">
                  <p>
                    <strong>{reference.name}</strong> ({reference.email}), {reference.relationship}:{" "}
                    <span className={reference.status === "received" ? "badge badge-success" : "badge"}>
                      {reference.status === "received" ? t("references.received") : t("references.requested")}
                    </span>
                  </p>
                  {reference.status === "requested" && open ? (
                    <>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remind" />
                        <input type="hidden" name="requestId" value={reference.id} />
                        <button type="submit" className="secondary" disabled={reference.remindWaitSeconds > 0}>
                          {t("references.remind", { name: reference.name })}
                        </button>
                        {reference.remindWaitSeconds > 0 ? (
                          <span className="hint"> {t("references.onceADay")}</span>
                        ) : null}
                      </Form>
                      <details open={Boolean(resultFor(`replace-${reference.id}`))}>
                        <summary>{t("references.askInstead", { name: reference.name })}</summary>
                        <RefereeForm
                          id={`replace-${reference.id}`}
                          intent="replace"
                          requestId={reference.id}
                          lastResult={resultFor(`replace-${reference.id}`)}
                          submitLabel={t("references.replace")}
                        />
                      </details>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {open && active < max ? (
            <section aria-labelledby="add-referee-title" className="narrow stack">
              <h2 id="add-referee-title">{t("references.nameTitle")}</h2>
              <RefereeForm
                id="add-referee"
                intent="add-referee"
                lastResult={resultFor("add")}
                submitLabel={t("references.ask")}
              />
            </section>
          ) : !open ? (
            <p className="notice">{t("references.closed")}</p>
          ) : null}
        </>
      )}
    </div>
  );
}
