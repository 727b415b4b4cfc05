import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/types";
import { saveAnswers } from "~/applications/applications.server";
import { hashPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";
import { loadConfig } from "~/utils/config.server";
import { tinyPdf } from "#db/seed/pdf";
import { completeAnswers, createOpenCycle, questionByKind } from "./cycles";
import { cookieHeader, randomAddress } from "./http";
import type { TestSmtpServer } from "./smtp";

export interface Applicant {
  id: string;
  email: string;
  cookie: string;
}

/** A cycle open now and applicants whose drafts are complete, each signed in: ready to press "Submit". */
export async function prepareApplicants(db: Kysely<Database>, count: number, env: Record<string, string>) {
  const cycle = await createOpenCycle(db);
  // The portal's own settings, so the session cookie has the name and signature it expects.
  const config = loadConfig({ NODE_ENV: "production", ...env });
  const passwordHash = await hashPassword("a password nobody types");
  const answers = completeAnswers(cycle.questions);
  const cv = questionByKind(cycle.questions, "file").id;
  const applicants: Applicant[] = [];
  for (let i = 0; i < count; i++) {
    const email = `applicant-${randomBytes(5).toString("hex")}@example.org`;
    const user = await db
      .insertInto("users")
      .values({ email, name: `Applicant ${i}`, passwordHash, emailVerifiedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const saved = await saveAnswers(db, {
      cycleId: cycle.id,
      applicantId: user.id,
      questions: cycle.questions,
      answers,
      uploads: [{ questionId: cv, filename: "cv.pdf", bytes: tinyPdf(`CV ${i}`) }],
      version: 0,
    });
    if (!saved.ok) throw new Error(`draft not saved: ${JSON.stringify(saved)}`);
    const setCookie = await startSession(db, config, user.id, { userAgent: "load", clientAddress: "127.0.0.1" });
    applicants.push({ id: user.id, email, cookie: cookieHeader(setCookie) });
  }
  return { cycle, applicants };
}

export interface Outcome {
  at: number;
  ms: number;
  status: number | string;
  location?: string | null;
}

/** One form POST as a browser sends it; the answer's status, or the network error's code. */
export async function postForm(origin: string, pathname: string, form: Record<string, string>, cookie?: string) {
  const started = performance.now();
  const answer: { location: string | null } = { location: null };
  const status = await fetch(`${origin}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "X-Forwarded-For": randomAddress(), ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form),
  }).then(
    async (response) => {
      await response.arrayBuffer();
      answer.location = response.headers.get("Location");
      return response.status;
    },
    (error: Error) => String((error.cause as { code?: string } | undefined)?.code ?? error.message),
  );
  return { at: Date.now(), ms: performance.now() - started, status, location: answer.location };
}

async function getPage(origin: string, pathname: string): Promise<Outcome> {
  const started = performance.now();
  const status = await fetch(`${origin}${pathname}`, { headers: { "X-Forwarded-For": randomAddress() } }).then(
    async (response) => {
      await response.arrayBuffer();
      return response.status;
    },
    (error: Error) => String((error.cause as { code?: string } | undefined)?.code ?? error.message),
  );
  return { at: Date.now(), ms: performance.now() - started, status };
}

/** A page that rendered, or a form that went where success goes (never back to sign-in). */
export const succeeded = (outcome: Outcome) =>
  typeof outcome.status === "number" && outcome.status < 400 && !outcome.location?.startsWith("/login");

export interface LoadRecord {
  outcomes: Outcome[];
  /** Sign-ups the portal acknowledged (302): each must have its code email, sent once. */
  signups: string[];
  /** Applicants whose submission was acknowledged: each must be submitted, with one receipt. */
  submitted: Applicant[];
}

/**
 * Mixed deadline-day traffic from `users` concurrent clients until `stop()` resolves: pages,
 * sign-ups (a write and an email each) and application submissions (a write and an email each).
 */
export async function runMixedLoad(
  origin: string,
  options: { users: number; cycleSlug: string; applicants: Applicant[]; until: Promise<void> },
): Promise<LoadRecord> {
  const record: LoadRecord = { outcomes: [], signups: [], submitted: [] };
  const queue = [...options.applicants];
  let running = true;
  void options.until.then(() => {
    running = false;
  });
  const user = async (index: number) => {
    for (let step = index; running; step++) {
      const kind = step % 4;
      if (kind === 2) {
        const email = `signup-${randomBytes(5).toString("hex")}@example.org`;
        const outcome = await postForm(origin, "/signup", { name: "Load Test", email, password: "a long enough pass" });
        record.outcomes.push(outcome);
        if (outcome.status === 302 && outcome.location?.startsWith("/verify")) record.signups.push(email);
      } else if (kind === 3 && queue.length > 0) {
        const applicant = queue.shift()!;
        const outcome = await postForm(
          origin,
          `/apply/${options.cycleSlug}/review`,
          { intent: "submit", version: "1" },
          applicant.cookie,
        );
        record.outcomes.push(outcome);
        if (outcome.status === 302 && outcome.location === "/me/applications") record.submitted.push(applicant);
        // A refused submission is tried again later, as the applicant would.
        else queue.push(applicant);
      } else {
        record.outcomes.push(await getPage(origin, kind === 0 ? "/" : `/cycles/${options.cycleSlug}`));
      }
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, i) => user(i)));
  return record;
}

export interface Audit {
  writesLost: number;
  emailsMissing: number;
  emailsSentTwice: number;
}

/** Waits for the outbox to empty, then checks every acknowledged write and its email with SQL and the SMTP server. */
export async function auditLoad(db: Kysely<Database>, smtp: TestSmtpServer, record: LoadRecord): Promise<Audit> {
  for (let waited = 0; waited < 60_000; waited += 250) {
    const open = await db
      .selectFrom("emailOutbox")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "in", ["pending", "sending"])
      .executeTakeFirstOrThrow()
      .catch(() => ({ count: 1 }));
    if (Number(open.count) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let writesLost = 0;
  let emailsMissing = 0;
  let emailsSentTwice = smtp.duplicateMessageIds().length;
  const signupRows = record.signups.length
    ? await db.selectFrom("verifications").select("target").where("target", "in", record.signups).execute()
    : [];
  const verified = new Set(signupRows.map((row) => String(row.target)));
  for (const email of record.signups) {
    if (!verified.has(email)) writesLost += 1;
    const received = smtp.messagesTo(email).length;
    if (received === 0) emailsMissing += 1;
    if (received > 1) emailsSentTwice += 1;
  }
  const submittedRows = record.submitted.length
    ? await db
        .selectFrom("applications")
        .select("applicantId")
        .where("status", "=", "submitted")
        .where(
          "applicantId",
          "in",
          record.submitted.map((applicant) => applicant.id),
        )
        .execute()
    : [];
  const done = new Set(submittedRows.map((row) => row.applicantId));
  for (const applicant of record.submitted) {
    if (!done.has(applicant.id)) writesLost += 1;
    const receipts = smtp.messagesTo(applicant.email).length;
    if (receipts === 0) emailsMissing += 1;
    if (receipts > 1) emailsSentTwice += 1;
  }
  return { writesLost, emailsMissing, emailsSentTwice };
}
