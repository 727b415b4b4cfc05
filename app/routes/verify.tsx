import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { completeSignUp, resendSignUpCode } from "~/auth/accounts.server";
import { EmailField, VerifySchema } from "~/auth/auth.schema";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { startSession } from "~/auth/session.server";
import { CODE_MESSAGES } from "~/auth/verification.server";
import { EmailedCodeField, Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { redirectAfterSuccess, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readFormData } from "~/utils/forms.server";
import { tooMany, unknownIntent } from "~/utils/http.server";
import { checkThrottle, recordThrottleFailure, takeThrottle, tooManyMessage } from "~/auth/throttle.server";
import { requireAnonymous } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const email = EmailField.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  const params = new URL(request.url).searchParams;
  return {
    title: await pageTitle(request, context, msg("verify.pageTitle")),
    email: email.success ? email.data : "",
    resent: params.has("resent"),
    redirectTo: safeRedirect(params.get("redirectTo"), ""),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const intent = (await readFormData(request.clone())).get("intent");
  if (intent === "resend") {
    const { submission } = await parseForm(request, VerifySchema.pick({ email: true, redirectTo: true }));
    if (submission.status !== "success") return invalid(submission.reply());
    const throttle = await takeThrottle(context.db, "codeRequest", context.clientAddress);
    if (!throttle.allowed)
      return tooMany(
        submission.reply({ formErrors: [tooManyMessage(throttle.retryAfterSeconds)] }),
        throttle.retryAfterSeconds,
      );
    await resendSignUpCode(context.db, context.config, submission.value.email);
    const redirectTo = safeRedirect(submission.value.redirectTo, "");
    // The page says a new code is on its way; the rebuilt form drops the old code typed in it.
    return redirectAfterSuccess(
      context.config,
      `/verify?${new URLSearchParams({ email: submission.value.email, resent: "1", ...(redirectTo ? { redirectTo } : {}) })}`,
    );
  }
  if (intent !== "verify") unknownIntent();

  const { submission } = await parseForm(request, VerifySchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const throttle = await checkThrottle(context.db, "codeCheck", context.clientAddress);
  if (!throttle.allowed)
    return tooMany(
      submission.reply({ formErrors: [tooManyMessage(throttle.retryAfterSeconds)] }),
      throttle.retryAfterSeconds,
    );
  const result = await completeSignUp(context.db, context.config, submission.value);
  if (!result.ok) {
    await recordThrottleFailure(context.db, "codeCheck", context.clientAddress);
    return invalid(submission.reply({ fieldErrors: { code: [CODE_MESSAGES[result.reason]] } }));
  }

  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await startSession(context.db, context.config, result.userId, {
      userAgent: request.headers.get("User-Agent"),
      clientAddress: context.clientAddress,
    }),
  );
  headers.append("Set-Cookie", await setFlash(context.config, { kind: "success", message: msg("verify.welcome") }));
  return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers });
}

export { passRetryAfter as headers } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function VerifyPage() {
  const { email, resent, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(VerifySchema, { id: "verify", lastResult, defaultValue: { email } });
  return (
    <div className="narrow stack">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      {resent ? <p role="status">{t("verify.resent")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <EmailedCodeField field={fields.code} />
        <div className="actions">
          <button type="submit" name="intent" value="verify">
            {t("verify.confirm")}
          </button>
          <button type="submit" name="intent" value="resend" className="secondary" formNoValidate>
            {t("verify.resend")}
          </button>
        </div>
      </Form>
    </div>
  );
}
