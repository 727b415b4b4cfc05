import { parseArgs } from "node:util";
import { sql } from "kysely";
import { runCommand } from "#db/cli/open";
import { migrateToLatest } from "#db/migrate";
import { EmailField, NameField, NewPasswordField } from "~/auth/auth.schema";
import { hashPassword } from "~/auth/password.server";
import { checkPasswordStrength } from "~/auth/password-strength.server";
import { audit } from "~/audit/audit.server";
import { createI18n } from "~/i18n/i18n";
import { translateMessage } from "~/i18n/message";
import type { z } from "zod";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    staff: { type: "boolean", default: false },
  },
});

// The password comes from the environment or standard input, never from the command line
// (which other users of the machine can read in the process list).
async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (process.stdin.isTTY) process.stdout.write("Password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (chunks.join("").includes("\n")) break;
  }
  return Buffer.concat(chunks).toString("utf8").split("\n")[0]?.trim() ?? "";
}

// The fields' messages are catalog keys (shared with the forms): the command prints them in English.
const english = await createI18n("en");
function checked<T>(field: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = field.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`${what}: ${translateMessage(english, parsed.error.issues[0]?.message ?? "invalid")}`);
}

// The input is checked before the database is opened: a weak password costs no database start.
async function readInput() {
  const email = checked(EmailField, values.email ?? "", "--email");
  const name = checked(NameField, values.name ?? email.split("@")[0], "--name");
  const password = checked(NewPasswordField, await readPassword(), "password");
  const strength = checkPasswordStrength(password, { name, email });
  if (!strength.ok) throw new Error(translateMessage(english, strength.message));
  return { email, name, password };
}

const input = await readInput().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
  return null;
});

if (input)
  await runCommand(async ({ db }) => {
    const { email, name, password } = input;
    await migrateToLatest(db);
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({ email, name, passwordHash, emailVerifiedAt: sql`now()` })
        .onConflict((oc) => oc.column("email").doUpdateSet({ passwordHash, updatedAt: sql`now()` }))
        .returning("id")
        .executeTakeFirstOrThrow();
      if (values.staff) {
        await trx
          .insertInto("userRoles")
          .values({ userId: user.id, role: "staff", grantedBy: null })
          .onConflict((oc) => oc.columns(["userId", "role"]).doNothing())
          .execute();
        await audit(trx, {
          actorId: null,
          action: "role.grant",
          subjectType: "user",
          subjectId: user.id,
          data: { role: "staff", via: "user:create" },
        });
      }
    });
    console.log(`${values.staff ? "Staff account" : "Account"} ready: ${email}`);
  });
