import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { LoginSchema } from "~/auth/auth.schema";
import { authenticatePassword } from "~/auth/authenticator.server";
import { replaceRequestSession } from "~/auth/session.server";
import { sendSignInCode } from "~/auth/sign-in-code.server";
import { Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireAnonymous } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
  const oidc = context.config.integrations.oidc;
  // Single sign-on is a plain link, so it works without JavaScript and keeps the destination.
  const singleSignOn = oidc
    ? { name: oidc.providerName, href: `/auth/oidc${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}` }
    : null;
  return { title: await pageTitle(request, context, msg("nav.signIn")), redirectTo, singleSignOn };
}

// No requireAnonymous here: signing in while signed in switches accounts, and the session the
// browser carried (perhaps planted by someone else) ends either way.
export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request.clone(), LoginSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["password"] }));

  const result = await authenticatePassword(request, context);
  if (!result.ok && result.reason === "second-factor") {
    // The password is right; failures piled up on the account or address, so the owner's inbox decides.
    await sendSignInCode(context.db, context.config, { userId: result.userId, clientAddress: context.clientAddress });
    const redirectTo = safeRedirect(submission.value.redirectTo, "");
    return redirect(
      `/login/code?${new URLSearchParams({ email: submission.value.email, ...(redirectTo ? { redirectTo } : {}) })}`,
    );
  }
  if (!result.ok) {
    // The same words for an unknown email and a wrong password: sign-in tells nobody who has an account.
    return invalid(submission.reply({ formErrors: [msg("login.wrong")], hideFields: ["password"] }), 401);
  }
  const cookie = await replaceRequestSession(context.db, context.config, request, result.userId, context.clientAddress);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function LoginPage() {
  const { redirectTo, singleSignOn } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useConformForm(LoginSchema, { id: "login", lastResult });
  return (
    <div className="narrow stack">
      <h1>{t("nav.signIn")}</h1>
      {singleSignOn ? (
        <p>
          <a className="button" href={singleSignOn.href}>
            {t("login.with", { provider: singleSignOn.name })}
          </a>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("forms.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <Field
          label={t("forms.password")}
          field={fields.password}
          type="password"
          inputProps={{ autoComplete: "current-password" }}
        />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("nav.signIn")}
          </button>
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </div>
      </Form>
      <p>
        {t("login.newHere")} <Link to="/signup">{t("home.createAccount")}</Link>
      </p>
    </div>
  );
}
