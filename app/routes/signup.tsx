import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { startSignUp } from "~/auth/accounts.server";
import { requestLanguage } from "~/i18n/language.server";
import { SignupSchema } from "~/auth/auth.schema";
import { Field } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { takeThrottle, tooManyMessage } from "~/auth/throttle.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { tooMany } from "~/utils/http.server";
import { requireAnonymous } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  // Where to go once the account exists (an invitation link, say); same-origin paths only.
  return {
    title: await pageTitle(request, context, msg("signup.title")),
    redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), ""),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const { submission } = await parseForm(request, SignupSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["password"] }));
  const throttle = await takeThrottle(context.db, "codeRequest", context.clientAddress);
  if (!throttle.allowed) {
    return tooMany(
      submission.reply({ formErrors: [tooManyMessage(throttle.retryAfterSeconds)], hideFields: ["password"] }),
      throttle.retryAfterSeconds,
    );
  }
  // The strength check costs CPU, so it runs past the per-address limit above.
  const language = await requestLanguage(request, context.config, null);
  const started = await startSignUp(context.db, context.config, { ...submission.value, language });
  if (!started.ok) {
    return invalid(submission.reply({ fieldErrors: { password: [started.message] }, hideFields: ["password"] }));
  }
  // The same next page whether or not the address already has an account.
  const redirectTo = safeRedirect(submission.value.redirectTo, "");
  return redirect(
    `/verify?${new URLSearchParams({ email: submission.value.email, ...(redirectTo ? { redirectTo } : {}) })}`,
  );
}

export { passRetryAfter as headers } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function SignupPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(SignupSchema, { id: "signup", lastResult });
  return (
    <div className="narrow stack">
      <h1>{t("signup.title")}</h1>
      <p className="muted">{t("signup.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("forms.name")} field={fields.name} inputProps={{ autoComplete: "name" }} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <Field
          label={t("forms.password")}
          field={fields.password}
          type="password"
          hint={t("signup.passwordHint")}
          inputProps={{ autoComplete: "new-password" }}
        />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("signup.submit")}
          </button>
        </div>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
