import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { startPasswordReset } from "~/auth/accounts.server";
import { ForgotPasswordSchema } from "~/auth/auth.schema";
import { Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { takeThrottle, tooManyMessage } from "~/auth/throttle.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { tooMany } from "~/utils/http.server";
import { requireAnonymous } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return { title: await pageTitle(request, context, msg("forgotPassword.title")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const { submission } = await parseForm(request, ForgotPasswordSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const throttle = await takeThrottle(context.db, "codeRequest", context.clientAddress);
  if (!throttle.allowed)
    return tooMany(
      submission.reply({ formErrors: [tooManyMessage(throttle.retryAfterSeconds)] }),
      throttle.retryAfterSeconds,
    );
  await startPasswordReset(context.db, context.config, submission.value.email);
  return redirect(`/reset-password?${new URLSearchParams({ email: submission.value.email })}`);
}

export { passRetryAfter as headers } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ForgotPasswordPage() {
  useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(ForgotPasswordSchema, { id: "forgot-password", lastResult });
  return (
    <div className="narrow stack">
      <h1>{t("forgotPassword.title")}</h1>
      <p>{t("forgotPassword.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <div className="actions">
          <button type="submit">{t("forgotPassword.submit")}</button>
          <Link to="/login">{t("forgotPassword.back")}</Link>
        </div>
      </Form>
    </div>
  );
}
