import { z } from "zod";
import { msg } from "~/i18n/message";

// Shared by the forms in the browser and the actions on the server (conform + zod). Messages are
// catalog keys (`msg`), translated where they are shown.

export const EmailField = z
  .string({ error: msg("forms.errors.emailRequired") })
  .trim()
  .max(254, msg("forms.errors.emailTooLong"))
  .pipe(z.email(msg("forms.errors.emailInvalid")));

export const NewPasswordField = z
  .string({ error: msg("forms.errors.passwordChoose") })
  .min(10, msg("forms.errors.passwordMin"))
  .max(200, msg("forms.errors.maxChars", { count: 200 }));

const PasswordField = z
  .string({ error: msg("forms.errors.passwordEnter") })
  .max(200, msg("forms.errors.maxChars", { count: 200 }));

export const CodeField = z
  .string({ error: msg("forms.errors.codeEnter") })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, msg("forms.errors.codeFormat")));

export const NameField = z
  .string({ error: msg("forms.errors.nameEnter") })
  .trim()
  .min(1, msg("forms.errors.nameEnter"))
  .max(120, msg("forms.errors.maxChars", { count: 120 }));

export const LoginSchema = z.object({
  email: EmailField,
  password: PasswordField,
  redirectTo: z.string().max(2048).optional(),
});

/** The second step of a sign-in that needs the emailed code. */
export const LoginCodeSchema = z.object({
  email: EmailField,
  code: CodeField,
  redirectTo: z.string().max(2048).optional(),
});

export const SignupSchema = z.object({
  name: NameField,
  email: EmailField,
  password: NewPasswordField,
  redirectTo: z.string().max(2048).optional(),
});

export const VerifySchema = z.object({
  email: EmailField,
  code: CodeField,
  redirectTo: z.string().max(2048).optional(),
});

export const ForgotPasswordSchema = z.object({ email: EmailField });

export const ResetPasswordSchema = z
  .object({
    email: EmailField,
    code: CodeField,
    password: NewPasswordField,
    confirmPassword: z.string({ error: msg("forms.errors.confirmPassword") }).max(200),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: msg("forms.errors.passwordsDiffer"),
    path: ["confirmPassword"],
  });
