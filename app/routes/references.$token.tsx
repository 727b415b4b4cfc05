import { getFormProps, getTextareaProps } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { readFormWithUploads } from "~/applications/files.server";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { findRefereeRequest, submitReference } from "~/references/referee.server";
import { refereeAnswersSchema, type LinkState } from "~/references/references";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseSubmission } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

const INVALID = msg("refereeLetter.invalid");
const LETTER_FIELD = "letter";

/** Why a link that was found cannot be used, in the referee's words. */
const CLOSED: Record<Exclude<LinkState, "open">, string> = {
  received: msg("refereeLetter.received"),
  revoked: msg("refereeLetter.revoked"),
  expired: msg("refereeLetter.expired"),
  withdrawn: msg("refereeLetter.withdrawn"),
};

/**
 * The referee's page behind the emailed link: no account, the link is the credential. Opening it
 * changes nothing (mail scanners open links). A used, expired, revoked or withdrawn link shows
 * why with a 410 and takes nothing; an unknown one answers 404.
 */
export async function loader({ request: httpRequest, context, params }: LoaderFunctionArgs) {
  const request = await findRefereeRequest(context.db, params.token ?? "");
  if (!request) notFound(INVALID);
  const view = {
    title: await pageTitle(httpRequest, context, msg("refereeLetter.pageTitle")),
    state: request.state,
    closedMessage: request.state === "open" ? null : CLOSED[request.state],
    refereeName: request.refereeName,
    applicantName: request.applicantName,
    cycleName: request.cycleName,
    deadline: request.deadline.toISOString(),
    timezone: request.timezone,
    questions: request.questions,
  };
  return data(view, { status: request.state === "open" ? 200 : 410 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const read = await readFormWithUploads(request, new Set([LETTER_FIELD]));
  if (!read.ok) {
    const error: Record<string, string[]> = { [read.field ? LETTER_FIELD : ""]: [read.message] };
    return invalid({ status: "error" as const, error }, read.status);
  }
  // The questions are the cycle's: found by the link (which the submission checks again, locked).
  const found = await findRefereeRequest(context.db, token);
  if (!found) notFound(INVALID);
  if (found.state !== "open") return invalid({ status: "error" as const, error: { "": [CLOSED[found.state]] } }, 410);
  const submission = parseSubmission(read.formData, { schema: refereeAnswersSchema(found.questions) });
  if (submission.status !== "success") return invalid(submission.reply());
  const upload = read.uploads[0];
  const result = await submitReference(context.db, token, {
    answers: submission.value,
    letter: upload ? { filename: upload.filename, bytes: upload.bytes } : null,
  });
  if (!result.ok) {
    if (result.reason === "not-found") notFound(INVALID);
    const message = result.reason === "empty" ? result.message : CLOSED[result.reason];
    return invalid(submission.reply({ formErrors: [message] }), result.status);
  }
  return redirect("/", {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("refereeLetter.thanks", { applicant: result.applicantName }),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function RefereePage() {
  const view = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = useMemo(() => refereeAnswersSchema(view.questions), [view.questions]);
  const [form, fields] = useConformForm(schema, { id: "reference", lastResult });
  const { t } = useTranslation();
  const translate = useMessage();
  const format = useFormat();
  const letterErrors = (lastResult?.error as Record<string, string[] | null> | undefined)?.[LETTER_FIELD] ?? undefined;
  return (
    <div className="narrow stack">
      <h1>{t("refereeLetter.heading", { applicant: view.applicantName })}</h1>
      <p className="lede">{view.cycleName}</p>
      {view.closedMessage ? (
        <p className="notice notice-warning">{translate(view.closedMessage)}</p>
      ) : (
        <>
          <p>
            {t("refereeLetter.intro", {
              referee: view.refereeName,
              applicant: view.applicantName,
              deadline: format.dateTime(view.deadline, view.timezone),
            })}
          </p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="field">
              <label htmlFor="letter">{t("refereeLetter.letter")}</label>
              <input
                id="letter"
                type="file"
                name={`q_${LETTER_FIELD}`}
                accept="application/pdf,.pdf"
                aria-invalid={letterErrors?.length ? true : undefined}
                aria-describedby={letterErrors?.length ? "letter-error" : undefined}
              />
              <ErrorList id="letter-error" errors={letterErrors} />
            </div>
            {view.questions.map((question) => {
              const field = fields[question.key]!;
              const { key, ...props } = getTextareaProps(field);
              return (
                <div className="field" key={question.key}>
                  <label htmlFor={field.id}>
                    {question.label}
                    {question.required ? ` ${t("apply.question.required")}` : ""}
                  </label>
                  <textarea key={key} {...props} rows={5} />
                  <ErrorList id={field.errorId} errors={field.errors} />
                </div>
              );
            })}
            <button type="submit">{t("refereeLetter.send")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
