import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { completePasswordReset } from "~/auth/accounts.server";
import { EmailField, ResetPasswordSchema } from "~/auth/auth.schema";
import { startSession } from "~/auth/session.server";
import { CODE_MESSAGES } from "~/auth/verification.server";
import { EmailedCodeField, Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { setFlash } from "~/utils/flash.server";
import { checkThrottle, recordThrottleFailure, tooManyMessage } from "~/auth/throttle.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { tooMany } from "~/utils/http.server";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requireAnonymous } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const email = EmailField.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  return {
    title: await pageTitle(request, context, msg("resetPassword.title")),
    email: email.success ? email.data : "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const { submission } = await parseForm(request, ResetPasswordSchema);
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") return invalid(submission.reply({ hideFields }));
  const throttle = await checkThrottle(context.db, "codeCheck", context.clientAddress);
  if (!throttle.allowed)
    return tooMany(
      submission.reply({ formErrors: [tooManyMessage(throttle.retryAfterSeconds)], hideFields }),
      throttle.retryAfterSeconds,
    );
  const result = await completePasswordReset(context.db, context.config, submission.value);
  if (!result.ok && result.reason === "weak-password") {
    // The code was right and stays usable: only the password needs another try.
    return invalid(submission.reply({ fieldErrors: { password: [result.message] }, hideFields }));
  }
  if (!result.ok) {
    await recordThrottleFailure(context.db, "codeCheck", context.clientAddress);
    return invalid(submission.reply({ fieldErrors: { code: [CODE_MESSAGES[result.reason]] }, hideFields }));
  }

  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await startSession(context.db, context.config, result.userId, {
      userAgent: request.headers.get("User-Agent"),
      clientAddress: context.clientAddress,
    }),
  );
  headers.append(
    "Set-Cookie",
    await setFlash(context.config, {
      kind: "success",
      message: msg("resetPassword.done"),
    }),
  );
  return redirect("/", { headers });
}

export { passRetryAfter as headers } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ResetPasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(ResetPasswordSchema, {
    id: "reset-password",
    lastResult,
    defaultValue: { email },
  });
  return (
    <div className="narrow stack">
      <h1>{t("resetPassword.title")}</h1>
      <p>{t("resetPassword.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <EmailedCodeField field={fields.code} />
        <Field
          label={t("resetPassword.newPassword")}
          field={fields.password}
          type="password"
          hint={t("resetPassword.hint")}
          inputProps={{ autoComplete: "new-password" }}
        />
        <Field
          label={t("resetPassword.repeat")}
          field={fields.confirmPassword}
          type="password"
          inputProps={{ autoComplete: "new-password" }}
        />
        <div className="actions">
          <button type="submit">{t("resetPassword.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
