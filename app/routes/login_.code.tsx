import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmailField, LoginCodeSchema } from "~/auth/auth.schema";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { replaceRequestSession } from "~/auth/session.server";
import { completeSignInWithCode } from "~/auth/sign-in-code.server";
import { CODE_MESSAGES } from "~/auth/verification.server";
import { EmailedCodeField, Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireAnonymous } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const params = new URL(request.url).searchParams;
  const email = EmailField.safeParse(params.get("email") ?? "");
  return {
    title: await pageTitle(request, context, msg("login.codeTitle")),
    email: email.success ? email.data : "",
    redirectTo: safeRedirect(params.get("redirectTo"), ""),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, LoginCodeSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await completeSignInWithCode(context.db, context.config, submission.value);
  if (!result.ok) return invalid(submission.reply({ fieldErrors: { code: [CODE_MESSAGES[result.reason]] } }), 401);
  const cookie = await replaceRequestSession(context.db, context.config, request, result.userId, context.clientAddress);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function LoginCodePage() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(LoginCodeSchema, { id: "login-code", lastResult, defaultValue: { email } });
  return (
    <div className="narrow stack">
      <h1>{t("login.codeTitle")}</h1>
      <p>{t("login.codeIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <EmailedCodeField field={fields.code} />
        <div className="actions">
          <button type="submit">{t("nav.signIn")}</button>
        </div>
      </Form>
      <p>
        {t("login.noEmail")} <Link to="/login">{t("login.again")}</Link> {t("login.againRest")}
      </p>
    </div>
  );
}
