import { beforeAll, expect, it } from "vitest";
import type { Role } from "~/auth/roles";
import { answerContactRequest, CONTACT_DAILY_LIMIT, listContacts, sendContactRequest } from "~/network/contact.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../../support/db";
import { createAlly, type TestAlly } from "../../support/network";
import { emailsTo, latestEmailTo } from "../../support/outbox";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("contact requests", (t) => {
  let ally: TestAlly;
  let staffOnly: TestAlly;
  async function sender(roles: Role[] = ["partner"]) {
    const email = uniqueEmail("sender");
    const row = await t.db
      .insertInto("users")
      .values({ email, name: "Lena Sender" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, email, name: "Lena Sender", roles };
  }
  beforeAll(async () => {
    ally = await createAlly(t.db, { displayName: "Quiet Ally", visibility: "network" });
    staffOnly = await createAlly(t.db, { displayName: "Hidden Ally", visibility: "staff" });
  });

  it("delivers the message to the ally without showing either address until the ally accepts", async () => {
    const partner = await sender();
    const message = "Would you help us with a security training in March?";
    expect(await sendContactRequest(t.db, config, partner, ally.profileId, message)).toEqual({
      ok: true,
      duplicate: false,
    });
    const toAlly = await latestEmailTo(t.db, ally.email);
    expect(toAlly?.template).toBe("contact-request");
    expect(toAlly?.text).toContain(message);
    expect(toAlly?.text).not.toContain(partner.email);

    const before = await listContacts(t.db, partner.id);
    expect(before.sent).toHaveLength(1);
    expect(before.sent[0]!.allyEmail).toBeNull();
    expect(JSON.stringify(before)).not.toContain(ally.email);
    expect(await emailsTo(t.db, partner.email)).toEqual([]);

    const { received } = await listContacts(t.db, ally.userId);
    const requestId = received.find((r) => r.message === message)!.id;
    expect(await answerContactRequest(t.db, ally.userId, requestId, "accepted")).toEqual({ ok: true });
    // Answering again the same way is harmless; the other way is refused.
    expect(await answerContactRequest(t.db, ally.userId, requestId, "accepted")).toEqual({ ok: true });
    expect(await answerContactRequest(t.db, ally.userId, requestId, "declined")).toMatchObject({
      ok: false,
      status: 409,
    });
    const toPartner = await emailsTo(t.db, partner.email);
    expect(toPartner).toHaveLength(1);
    expect(toPartner[0]!.text).toContain(ally.email);
    expect((await listContacts(t.db, partner.id)).sent[0]!.allyEmail).toBe(ally.email);
  });

  it("tells the sender of a declined message nothing about the ally's address", async () => {
    const partner = await sender();
    await sendContactRequest(t.db, config, partner, ally.profileId, "A message that will be declined, sadly.");
    const { received } = await listContacts(t.db, ally.userId);
    const pending = received.find((r) => r.status === "pending")!;
    expect(await answerContactRequest(t.db, ally.userId, pending.id, "declined")).toEqual({ ok: true });
    const [email] = await emailsTo(t.db, partner.email);
    expect(email!.text).toContain("declined");
    expect(email!.text).not.toContain(ally.email);
    expect((await listContacts(t.db, partner.id)).sent[0]!.allyEmail).toBeNull();
  });

  it("answers another person's request like a missing one", async () => {
    const partner = await sender();
    await sendContactRequest(t.db, config, partner, ally.profileId, "Someone else must not answer this one.");
    const { received } = await listContacts(t.db, ally.userId);
    const intruder = await createAlly(t.db);
    expect(await answerContactRequest(t.db, intruder.userId, received[0]!.id, "accepted")).toMatchObject({
      status: 404,
    });
  });

  it("refuses profiles the sender may not see, and the sender's own", async () => {
    const partner = await sender();
    expect(
      await sendContactRequest(t.db, config, partner, staffOnly.profileId, "Hello there, hidden ally!"),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
    const self = { id: ally.userId, name: "Quiet Ally", roles: ["partner", "ally"] as Role[] };
    expect(await sendContactRequest(t.db, config, self, ally.profileId, "Writing to myself, oddly.")).toMatchObject({
      status: 409,
    });
  });

  it("treats a resent message as the same one and limits each sender per day", async () => {
    const partner = await sender();
    const first = await createAlly(t.db, { visibility: "public" });
    const text = "Same message, sent twice by a double click.";
    expect(await sendContactRequest(t.db, config, partner, first.profileId, text)).toEqual({
      ok: true,
      duplicate: false,
    });
    expect(await sendContactRequest(t.db, config, partner, first.profileId, text)).toEqual({
      ok: true,
      duplicate: true,
    });
    expect(await emailsTo(t.db, first.email)).toHaveLength(1);
    for (let i = 1; i < CONTACT_DAILY_LIMIT; i++) {
      const other = await createAlly(t.db, { visibility: "public" });
      expect((await sendContactRequest(t.db, config, partner, other.profileId, `Message number ${i} today.`)).ok).toBe(
        true,
      );
    }
    const one = await createAlly(t.db, { visibility: "public" });
    const refused = await sendContactRequest(t.db, config, partner, one.profileId, "One message too many today.");
    expect(refused).toMatchObject({ ok: false, status: 429 });
    expect(await emailsTo(t.db, one.email)).toEqual([]);
  });
});
