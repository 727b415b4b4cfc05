import { expect, it } from "vitest";
import { loadRoles } from "~/auth/roles.server";
import { inviteFellowToNetwork } from "~/network/fellows.server";
import { withdrawProfile } from "~/network/profiles.server";
import { loadConfig } from "~/utils/config.server";
import { createOpenCycle } from "../../support/cycles";
import { describeDb, uniqueEmail } from "../../support/db";
import { createAlly } from "../../support/network";
import { emailsTo } from "../../support/outbox";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("fellows and the network", (t) => {
  async function application(userId: string, status: "accepted" | "finalist") {
    const cycle = await createOpenCycle(t.db);
    return t.db
      .insertInto("applications")
      .values({ cycleId: cycle.id, applicantId: userId, status, answers: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  it("invites a fellow once when the placement is accepted, and makes them a fellow", async () => {
    const email = uniqueEmail("fellow");
    const user = await t.db
      .insertInto("users")
      .values({ email, name: "Fatima Fellow" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pending = await application(user.id, "finalist");
    expect(await inviteFellowToNetwork(t.db, config, pending.id)).toBe(false);
    expect(await loadRoles(t.db, user.id)).not.toContain("fellow");

    const accepted = await application(user.id, "accepted");
    expect(await inviteFellowToNetwork(t.db, config, accepted.id)).toBe(true);
    expect(await inviteFellowToNetwork(t.db, config, accepted.id)).toBe(false);
    const emails = await emailsTo(t.db, email);
    expect(emails.map((e) => e.template)).toEqual(["network-invitation"]);
    expect(emails[0]!.text).toContain("/me/profile");
    expect(await loadRoles(t.db, user.id)).toEqual(expect.arrayContaining(["fellow", "applicant"]));
  });

  it("does not invite a fellow who is already an ally", async () => {
    const ally = await createAlly(t.db);
    const accepted = await application(ally.userId, "accepted");
    expect(await inviteFellowToNetwork(t.db, config, accepted.id)).toBe(false);
    expect(await emailsTo(t.db, ally.email)).toEqual([]);
  });

  it("counts as an ally only while the profile is consented", async () => {
    const ally = await createAlly(t.db);
    expect(await loadRoles(t.db, ally.userId)).toContain("ally");
    await withdrawProfile(t.db, ally.userId, 1);
    expect(await loadRoles(t.db, ally.userId)).not.toContain("ally");
  });
});
