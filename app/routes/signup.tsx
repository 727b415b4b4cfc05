import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "") };
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

export const meta: MetaFunction = () => [{ title: "Create an account — Open Web Fellows" }];

export default function SignupPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useConformForm(SignupSchema, { id: "signup", lastResult });
  return (
    <div className="narrow stack">
      <h1>Create an account</h1>
      <p className="muted">
        One account lets you apply to fellowship cycles, review, host fellows or join the network. We will email you a
        code to confirm your address.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label="Name" field={fields.name} inputProps={{ autoComplete: "name" }} />
        <Field label="Email" field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <Field
          label="Password"
          field={fields.password}
          type="password"
          hint="At least 10 characters. A few unrelated words make a strong password."
          inputProps={{ autoComplete: "new-password" }}
        />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Create account
          </button>
        </div>
      </Form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}
