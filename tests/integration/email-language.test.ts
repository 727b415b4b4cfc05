import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers, submitApplication } from "~/applications/applications.server";
import { completeSignUp, resendSignUpCode, startSignUp } from "~/auth/accounts.server";
import { proposeAssignment } from "~/campaigns/assignments.server";
import { createCampaign, getCampaignBySlug } from "~/campaigns/campaigns.server";
import { deliverDueEmails } from "~/email/delivery.server";
import { createSmtpTransport } from "~/email/smtp.server";
import { saveLanguageChoice } from "~/i18n/language.server";
import { requestAccountDeletion } from "~/privacy/privacy.server";
import { nameReferee } from "~/references/references.server";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, questionByKind, type TestCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { createAlly } from "../support/network";
import { latestEmailTo } from "../support/outbox";
import { TestSmtpServer } from "../support/smtp";

// Issue 16, item 1: each email is written in its recipient's language, fixed when it is queued.
const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const smtp = new TestSmtpServer();
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());
const delivery = { from: "Fellows <fellows@example.org>", maxAttempts: 3, baseDelayMs: 0 };

describeDb("emails in the recipient's language", (t) => {
  let cycle: TestCycle & { name: string };
  beforeAll(async () => {
    const created = await createOpenCycle(t.db);
    const { name } = await t.db
      .updateTable("cycles")
      .set({ referencesMax: 2 })
      .where("id", "=", created.id)
      .returning("name")
      .executeTakeFirstOrThrow();
    cycle = { ...created, name };
  });

  async function applicant(language: "es" | "ar" | null) {
    const email = uniqueEmail("applicant");
    const row = await t.db
      .insertInto("users")
      .values({ email, name: "Ana Applicant" })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (language) await saveLanguageChoice(t.db, row.id, language);
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: row.id,
      questions: cycle.questions,
      answers: completeAnswers(cycle.questions),
      uploads: [{ questionId: questionByKind(cycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    return { id: row.id, email, applicationId: saved.applicationId, version: saved.version };
  }

  async function deliver() {
    const transport = createSmtpTransport(smtp.url);
    await deliverDueEmails(t.db, transport, delivery);
    transport.close?.();
  }

  it("sends a Spanish receipt to an applicant whose language is Spanish, over SMTP", async () => {
    const person = await applicant("es");
    const submitted = await submitApplication(t.db, config, {
      cycleId: cycle.id,
      applicantId: person.id,
      version: person.version,
    });
    expect(submitted).toMatchObject({ ok: true });
    await deliver();
    const [receipt, ...others] = smtp.messagesTo(person.email);
    expect(others).toHaveLength(0);
    expect(receipt!.subject).toBe(`Hemos recibido tu solicitud para ${cycle.name}`);
    expect(receipt!.text).toContain("Hola, Ana Applicant:");
    expect(receipt!.text).toContain("Archivo: cv.pdf");
    expect(receipt!.text).toContain("¿Preguntas? Responde a este correo");
    expect(receipt!.html).toMatch(/<html[^>]* lang="es"/);
    const row = await t.db
      .selectFrom("emailOutbox")
      .select(["language", "status"])
      .where("recipient", "=", person.email)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ language: "es", status: "sent" });
  });

  it("sends a sign-up code again in the language of the page it was asked on", async () => {
    const email = uniqueEmail("signup");
    const started = await startSignUp(t.db, config, {
      email,
      name: "Lucía",
      password: "a long enough password for sign-up",
      language: "es",
    });
    expect(started.ok).toBe(true);
    // As if the person asked again after the wait between codes.
    await t.db
      .updateTable("verifications")
      .set({ createdAt: sql<Date>`now() - interval '10 minutes'` })
      .where("target", "=", email)
      .execute();
    await resendSignUpCode(t.db, config, email);
    const queued = await t.db
      .selectFrom("emailOutbox")
      .select("language")
      .where("recipient", "=", email)
      .orderBy("createdAt")
      .execute();
    expect(queued.map((row) => row.language)).toEqual(["es", "es"]);
  });

  // An applicant who only ever chose a language by their browser still gets their later emails
  // (receipts, decisions) in it: the sign-up page's language becomes the account's.
  it("keeps the sign-up page's language as the new account's, for the emails that follow", async () => {
    const email = uniqueEmail("signup-language");
    await startSignUp(t.db, config, {
      email,
      name: "Amal",
      password: "a long enough password for sign-up",
      language: "ar",
    });
    const code = /\b(\d{6})\b/.exec((await latestEmailTo(t.db, email))!.text)![1]!;
    const done = await completeSignUp(t.db, config, { email, code });
    expect(done.ok).toBe(true);
    const user = await t.db.selectFrom("users").select("locale").where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.locale).toBe("ar");
  });

  it("keeps a queued message in the language it was queued in when the recipient changes language", async () => {
    const person = await applicant("ar");
    await submitApplication(t.db, config, { cycleId: cycle.id, applicantId: person.id, version: person.version });
    await saveLanguageChoice(t.db, person.id, "fr");
    await deliver();
    const [receipt] = smtp.messagesTo(person.email);
    expect(receipt!.subject).toBe(`تلقّينا طلبك إلى ${cycle.name}`);
    expect(receipt!.html).toMatch(/<html[^>]* dir="rtl"/);
  });

  it("writes to a referee without an account in the applicant's language, and English without a choice", async () => {
    const spanish = await applicant("es");
    const refereeEmail = uniqueEmail("referee");
    const named = await nameReferee(t.db, config, {
      applicantId: spanish.id,
      applicationId: spanish.applicationId,
      referee: { name: "Rita Referee", email: refereeEmail, relationship: "Mentora" },
    });
    expect(named).toEqual({ ok: true });
    const unchosen = await applicant(null);
    const otherReferee = uniqueEmail("referee");
    await nameReferee(t.db, config, {
      applicantId: unchosen.id,
      applicationId: unchosen.applicationId,
      referee: { name: "Rob Referee", email: otherReferee, relationship: "Manager" },
    });
    const rows = await t.db
      .selectFrom("emailOutbox")
      .select(["recipient", "language", "subject"])
      .where("recipient", "in", [refereeEmail, otherReferee])
      .execute();
    const byRecipient = new Map(rows.map((row) => [row.recipient, row]));
    expect(byRecipient.get(refereeEmail)).toMatchObject({
      language: "es",
      subject: `Una referencia para Ana Applicant (${cycle.name})`,
    });
    expect(byRecipient.get(otherReferee)).toMatchObject({
      language: "en",
      subject: `A reference for Ana Applicant (${cycle.name})`,
    });
  });

  it("writes every message in the recipient's language: an account-deletion code in Arabic, right to left", async () => {
    const person = await applicant("ar");
    const asked = await requestAccountDeletion(t.db, config, { id: person.id, email: person.email, name: "Ana" });
    expect(asked).toEqual({ ok: true });
    await deliver();
    const [message, ...others] = smtp.messagesTo(person.email);
    expect(others).toHaveLength(0);
    expect(message!.subject).toBe("رمز حذف حسابك في Open Web Fellows");
    expect(message!.text).toContain("مرحبًا Ana،");
    expect(message!.text).not.toContain("You received this email because");
    expect(message!.html).toMatch(/<html[^>]* dir="rtl"/);
  });

  it("proposes a campaign to a Spanish-reading ally in Spanish, with the summary staff translated", async () => {
    const staff = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("staff"), name: "Staff" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const slug = `campaign-${Date.now().toString(36)}`;
    const created = await createCampaign(t.db, staff.id, {
      intent: "save-campaign",
      name: "Stand Up for Encryption",
      slug,
      summary: "Encryption for everyone.",
      startsOn: "2027-02-01",
      endsOn: "2027-04-30",
      status: "active",
      languages: ["Spanish"],
      timezone: "UTC",
      version: undefined,
    });
    expect(created.ok).toBe(true);
    const campaign = (await getCampaignBySlug(t.db, slug))!;
    await t.db
      .updateTable("campaigns")
      .set({ translations: JSON.stringify({ es: { summary: "Cifrado para todo el mundo." } }) })
      .where("id", "=", campaign.id)
      .execute();
    const ally = await createAlly(t.db, { displayName: "Tomás Rivera" });
    await saveLanguageChoice(t.db, ally.userId, "es");
    const proposed = await proposeAssignment(t.db, config, staff.id, {
      campaignId: campaign.id,
      profileId: ally.profileId,
    });
    expect(proposed).toEqual({ ok: true, alreadyProposed: false });
    const email = await latestEmailTo(t.db, ally.email);
    expect(email!.subject).toBe("¿Te unes a la campaña «Stand Up for Encryption»?");
    expect(email!.text).toContain("Cifrado para todo el mundo.");
    expect(email!.text).toContain("(1 feb 2027 – 30 abr 2027)");
    expect(email!.text).not.toContain("Encryption for everyone.");
  });
});
