import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
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
  return null;
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

export const meta: MetaFunction = () => [{ title: "Forgot your password — Open Web Fellows" }];

export default function ForgotPasswordPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ForgotPasswordSchema, { id: "forgot-password", lastResult });
  return (
    <div className="narrow stack">
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account and we will send you a code to choose a new password.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Email" field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <div className="actions">
          <button type="submit">Send a code</button>
          <Link to="/login">Back to sign in</Link>
        </div>
      </Form>
    </div>
  );
}
