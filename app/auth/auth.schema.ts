import { z } from "zod";

// Shared by the forms in the browser and the actions on the server (conform + zod).

export const EmailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.org"));

export const NewPasswordField = z
  .string({ error: "Choose a password" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

const PasswordField = z.string({ error: "Enter your password" }).max(200, "Use at most 200 characters");

export const CodeField = z
  .string({ error: "Enter the 6-digit code from the email" })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "The code is 6 digits"));

export const NameField = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(120, "Use at most 120 characters");

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
    confirmPassword: z.string({ error: "Repeat the new password" }).max(200),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: "The two passwords differ",
    path: ["confirmPassword"],
  });
