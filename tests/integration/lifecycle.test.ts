import { expect, it } from "vitest";
import { withdrawApplication } from "~/applications/applications.server";
import { moveApplications } from "~/applications/lifecycle.server";
import { releaseProgramWork } from "~/privacy/program-work.server";
import { loadConfig } from "~/utils/config.server";
import { createOpenCycle, submitTestApplication } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("application lifecycle", (t) => {
  async function submitted() {
    const cycle = await createOpenCycle(t.db);
    const person = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("lifecycle"), name: "Life Cycle" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { applicationId } = await submitTestApplication(t.db, config, cycle, person.id);
    return { applicantId: person.id, applicationId };
  }

  const row = (id: string) =>
    t.db
      .selectFrom("applications")
      .select(["status", "version", "updatedAt", "withdrawnAt"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const events = (id: string) =>
    t.db
      .selectFrom("applicationEvents")
      .select(["kind", "fromStatus", "toStatus"])
      .where("applicationId", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute();
  const audits = (id: string) =>
    t.db.selectFrom("auditLog").select(["action", "data"]).where("subjectId", "=", id).orderBy("at").execute();

  it("a move bumps the version, writes one event and one audit entry; a move off the table changes nothing", async () => {
    const { applicationId } = await submitted();
    const before = await row(applicationId);
    const refused = await t.db.transaction().execute((trx) =>
      moveApplications(trx, {
        applicationIds: [applicationId],
        to: "finalist",
        actorId: null,
        audit: { action: "x" },
      }),
    );
    expect(refused).toEqual({ moved: [], refused: [{ id: applicationId, status: "submitted" }] });
    expect(await row(applicationId)).toEqual(before);

    const result = await t.db.transaction().execute((trx) =>
      moveApplications(trx, {
        applicationIds: [applicationId],
        to: "in_review",
        actorId: null,
        audit: { action: "review.start" },
      }),
    );
    expect(result.moved).toMatchObject([{ id: applicationId, from: "submitted", version: before.version + 1 }]);
    const after = await row(applicationId);
    expect(after).toMatchObject({ status: "in_review", version: before.version + 1 });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect((await events(applicationId)).filter((event) => event.toStatus === "in_review")).toEqual([
      { kind: "status", fromStatus: "submitted", toStatus: "in_review" },
    ]);
    expect((await audits(applicationId)).filter((entry) => entry.action === "review.start")).toEqual([
      { action: "review.start", data: { from: "submitted", to: "in_review" } },
    ]);
  });

  it("an account deletion withdraws like the applicant does: version bumped, the same history event, audited", async () => {
    const own = await submitted();
    expect(await withdrawApplication(t.db, config, own)).toEqual({ ok: true });
    const deleted = await submitted();
    const before = await row(deleted.applicationId);
    await t.db.transaction().execute((trx) => releaseProgramWork(trx, deleted.applicantId));
    const after = await row(deleted.applicationId);
    expect(after).toMatchObject({ status: "withdrawn", version: before.version + 1 });
    expect(after.withdrawnAt).not.toBeNull();
    const withdrawal = (list: { kind: string; toStatus: string | null }[]) =>
      list.filter((event) => event.toStatus === "withdrawn");
    expect(withdrawal(await events(deleted.applicationId))).toEqual(withdrawal(await events(own.applicationId)));
    expect(withdrawal(await events(deleted.applicationId))).toEqual([
      { kind: "withdrawn", fromStatus: "submitted", toStatus: "withdrawn" },
    ]);
    expect((await audits(deleted.applicationId)).map((entry) => entry.action)).toContain("account.delete.leave");
  });
});
