import { expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers } from "~/applications/applications.server";
import { sendContactRequest } from "~/network/contact.server";
import { confirmAccountDeletion, exportMyData, requestAccountDeletion } from "~/privacy/privacy.server";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, questionByKind } from "../../support/cycles";
import { describeDb, uniqueEmail } from "../../support/db";
import { createMatchingFixture } from "../../support/matching";
import { createReviewFixture } from "../../support/review";
import { createAlly } from "../../support/network";
import { latestEmailTo } from "../../support/outbox";
import { codeIn } from "../../support/smtp";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("privacy self-service", (t) => {
  async function allyWithHistory() {
    const ally = await createAlly(t.db, { displayName: "Delia Leaving", headline: "Privacy researcher" });
    const cycle = await createOpenCycle(t.db);
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: ally.userId,
      questions: cycle.questions,
      answers: completeAnswers(cycle.questions),
      uploads: [{ questionId: questionByKind(cycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    const partner = await createAlly(t.db, { displayName: "Pat Partner" });
    await sendContactRequest(
      t.db,
      config,
      { id: partner.userId, name: "Pat Partner", roles: ["partner"] },
      ally.profileId,
      "Hello Delia, can we talk about privacy?",
    );
    return { ally, applicationId: saved.applicationId };
  }

  it("exports everything kept about the person, and nothing secret", async () => {
    const { ally, applicationId } = await allyWithHistory();
    const data = await exportMyData(t.db, ally.userId);
    expect(data.account.email).toBe(ally.email);
    expect(data.directoryProfile).toMatchObject({ displayName: "Delia Leaving", headline: "Privacy researcher" });
    expect(data.applications.map((a) => a.id)).toEqual([applicationId]);
    expect(data.files.map((f) => f.filename)).toEqual(["cv.pdf"]);
    expect(data.messagesReceived.map((m) => m.message)).toEqual(["Hello Delia, can we talk about privacy?"]);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|codeHash/);
  });

  it("deletes the account only with the emailed code: profile and personal fields gone, applications anonymised, audit kept", async () => {
    const { ally, applicationId } = await allyWithHistory();
    const user = { id: ally.userId, email: ally.email, name: "Delia Leaving" };
    expect(await requestAccountDeletion(t.db, config, user)).toEqual({ ok: true });
    const code = codeIn((await latestEmailTo(t.db, ally.email))!.text);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await confirmAccountDeletion(t.db, config, user, wrong)).toEqual({ ok: false, reason: "invalid" });
    expect(await t.db.selectFrom("allyProfiles").select("id").where("userId", "=", ally.userId).execute()).toHaveLength(
      1,
    );

    expect(await confirmAccountDeletion(t.db, config, user, code)).toEqual({ ok: true });
    const account = await t.db.selectFrom("users").selectAll().where("id", "=", ally.userId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ name: "Deleted account", passwordHash: null });
    expect(account.email).not.toContain("@example.org");
    expect(account.deletedAt).not.toBeNull();
    expect(await t.db.selectFrom("allyProfiles").select("id").where("userId", "=", ally.userId).execute()).toEqual([]);
    expect(
      await t.db
        .selectFrom("contactRequests")
        .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
        .select("contactRequests.id")
        .where("allyProfiles.userId", "=", ally.userId)
        .execute(),
    ).toEqual([]);
    const application = await t.db
      .selectFrom("applications")
      .select(["answers", "status"])
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();
    expect(application).toEqual({ answers: {}, status: "withdrawn" });
    expect(await t.db.selectFrom("files").select("id").where("ownerId", "=", ally.userId).execute()).toEqual([]);
    expect(await t.db.selectFrom("emailOutbox").select("id").where("recipient", "=", ally.email).execute()).toEqual([]);
    const entries = await t.db
      .selectFrom("auditLog")
      .select(["action", "data"])
      .where("actorId", "=", ally.userId)
      .execute();
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["profile.consent", "account.delete"]));
    expect(JSON.stringify(entries)).not.toContain(ally.email);
    expect(await t.db.selectFrom("sessions").select("id").where("userId", "=", ally.userId).execute()).toEqual([]);
  });

  async function deleteAccount(user: { id: string; email: string; name: string }) {
    expect(await requestAccountDeletion(t.db, config, user)).toEqual({ ok: true });
    const code = codeIn((await latestEmailTo(t.db, user.email))!.text);
    return confirmAccountDeletion(t.db, config, user, code);
  }

  it("takes a deleted reviewer off every panel and removes their unfinished assignments", async () => {
    const review = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 0, k: 1 });
    const reviewer = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("leaving-reviewer"), name: "Leaving Reviewer" })
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("cycleReviewers")
      .values({ cycleId: review.cycle.id, userId: reviewer.id, capacity: 5, expertise: "[]" })
      .execute();
    const [, done] = await t.db
      .insertInto("reviewAssignments")
      .values(
        review.applicants.map((applicant) => ({
          cycleId: review.cycle.id,
          roundId: review.round.id,
          applicationId: applicant.applicationId,
          reviewerId: reviewer.id,
        })),
      )
      .returning("id")
      .execute();
    await t.db.updateTable("reviewAssignments").set({ status: "submitted" }).where("id", "=", done!.id).execute();
    const exported = await exportMyData(t.db, reviewer.id);
    expect(exported.reviewerPanels).toHaveLength(1);
    expect(exported.reviewsWritten.map((r) => r.applicationId).sort()).toEqual(
      review.applicants.map((a) => a.applicationId).sort(),
    );

    expect(await deleteAccount(reviewer)).toEqual({ ok: true });
    const panel = await t.db
      .selectFrom("cycleReviewers")
      .select("active")
      .where("userId", "=", reviewer.id)
      .executeTakeFirstOrThrow();
    expect(panel.active).toBe(false);
    const left = await t.db
      .selectFrom("reviewAssignments")
      .select(["id", "status"])
      .where("reviewerId", "=", reviewer.id)
      .execute();
    // The finished review stays part of the program's record; the open one is a gap to cover again.
    expect(left).toEqual([{ id: done!.id, status: "submitted" }]);
  });

  it("withdraws a deleted applicant from review: their open assignments leave reviewers' queues", async () => {
    const review = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 0, k: 1 });
    const reviewer = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("queue"), name: "Queue Reviewer" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("cycleReviewers")
      .values({ cycleId: review.cycle.id, userId: reviewer.id, capacity: 5, expertise: "[]" })
      .execute();
    await t.db
      .insertInto("reviewAssignments")
      .values(
        review.applicants.map((applicant) => ({
          cycleId: review.cycle.id,
          roundId: review.round.id,
          applicationId: applicant.applicationId,
          reviewerId: reviewer.id,
        })),
      )
      .execute();
    await t.db
      .updateTable("applications")
      .set({ status: "in_review" })
      .where("cycleId", "=", review.cycle.id)
      .execute();
    const [leaving, staying] = review.applicants;
    expect(await deleteAccount({ id: leaving!.id, email: leaving!.email, name: "Leaving" })).toEqual({ ok: true });
    const queue = await t.db
      .selectFrom("reviewAssignments")
      .select("applicationId")
      .where("reviewerId", "=", reviewer.id)
      .execute();
    expect(queue).toEqual([{ applicationId: staying!.applicationId }]);
    const statuses = await t.db
      .selectFrom("applications")
      .select(["id", "status"])
      .where("cycleId", "=", review.cycle.id)
      .execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [leaving!.applicationId]: "withdrawn",
      [staying!.applicationId]: "in_review",
    });
  });

  it("takes a deleted finalist off every position: candidacies, interview notes and rank lists", async () => {
    const market = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const [position] = market.positions;
    const [leaving, staying] = market.finalists;
    await t.db
      .insertInto("rankEntries")
      .values(
        market.finalists.flatMap((finalist, index) => [
          {
            cycleId: market.cycle.id,
            side: "position" as const,
            positionId: position!.id,
            applicationId: finalist.applicationId,
            rank: index + 1,
          },
          {
            cycleId: market.cycle.id,
            side: "applicant" as const,
            positionId: position!.id,
            applicationId: finalist.applicationId,
            rank: 1,
          },
        ]),
      )
      .execute();
    await t.db
      .insertInto("interviews")
      .values({ positionId: position!.id, applicationId: leaving!.applicationId, notes: "Strong on policy." })
      .execute();
    expect(await deleteAccount({ id: leaving!.id, email: leaving!.email, name: "Leaving" })).toEqual({ ok: true });
    const left = async (table: "positionCandidates" | "interviews" | "rankEntries") =>
      (await t.db.selectFrom(table).select("applicationId").where("positionId", "=", position!.id).execute()).map(
        (row) => row.applicationId,
      );
    expect(await left("positionCandidates")).toEqual([staying!.applicationId]);
    expect(await left("interviews")).toEqual([]);
    expect(await left("rankEntries")).toEqual([staying!.applicationId, staying!.applicationId]);
  });

  it("refuses to delete the program's only staff member", async () => {
    const staff = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("only-staff"), name: "Only Staff" })
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom("userRoles").where("role", "=", "staff").execute();
    await t.db.insertInto("userRoles").values({ userId: staff.id, role: "staff", grantedBy: null }).execute();
    expect(await requestAccountDeletion(t.db, config, staff)).toMatchObject({ ok: false });
    expect(await confirmAccountDeletion(t.db, config, staff, "123456")).toEqual({ ok: false, reason: "last-staff" });

    const colleague = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("colleague"), name: "Colleague" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("userRoles").values({ userId: colleague.id, role: "staff", grantedBy: staff.id }).execute();
    expect(await deleteAccount(staff)).toEqual({ ok: true });
  });
});
