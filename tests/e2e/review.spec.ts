import type { Page } from "@playwright/test";
import { createReviewFixture } from "../support/review";
import { expect, test, type Account, fixtureConfig } from "./support/fixtures";

const config = fixtureConfig;

async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
}

async function scoreEverything(page: Page, score: string) {
  for (const group of await page.getByRole("radiogroup").all())
    await group.getByRole("radio", { name: score, exact: true }).check();
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("radio", { name: "High" }).check();
  await page.getByLabel("Overall comment").fill("A concrete plan and a record of working in the open.");
}

test("a whole review round: rubric, reviewer invitation, assignment, scoring, decisions released by email", async ({
  page,
  db,
  createAccount,
  mailbox,
  expectAccessible,
}) => {
  test.slow();
  const fixture = await createReviewFixture(db, config, { applicants: 2, reviewers: 0, k: 1, rubric: false });
  const staff = await createAccount({ name: "Rosa Staff", staff: true });
  const reviewer = await createAccount({ name: "Kwame Reviewer" });
  const base = `/staff/cycles/${fixture.cycle.slug}`;

  await signIn(page, staff);
  await page.goto(`${base}/rubric`);
  await expectAccessible(page);
  const addCriterion = async (name: string, weight: string) => {
    const form = page.getByRole("region", { name: "Add a criterion" });
    await form.getByLabel("Criterion").fill(name);
    await form.getByLabel("Weight").fill(weight);
    await form.getByRole("button", { name: "Add criterion" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
  };
  await addCriterion("Commitment to a healthy internet", "60");
  await addCriterion("Skill match to the host's project", "40");

  await page.goto(`${base}/reviewers`);
  await expectAccessible(page);
  const invite = page.getByRole("region", { name: "Invite a reviewer" });
  await invite.getByLabel("Email").fill(reviewer.email);
  await invite.getByLabel("Capacity (most reviews)").fill("5");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${reviewer.email}`);
  const invitation = await mailbox.waitFor(reviewer.email, "Will you review applications");
  const link = /http:\/\/\S+\/invitations\/\S+/.exec(invitation.text)![0];

  await signIn(page, reviewer);
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "You are invited to review fellowship applications" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(page.getByRole("heading", { name: "Your reviews" })).toBeVisible();

  await signIn(page, staff);
  await page.goto(`${base}/assignments`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Run assignment" }).click();
  await expect(page.getByRole("status")).toContainText("Added 2 assignments");
  await mailbox.waitFor(reviewer.email, "2 applications to review");

  await signIn(page, reviewer);
  await page.goto("/review");
  await expectAccessible(page);
  const queue = page.getByRole("table");
  for (let i = 0; i < 2; i++) {
    await queue.getByRole("link").nth(i).click();
    await expect(page.getByText("Blind review")).toBeVisible();
    await expectAccessible(page);
    await scoreEverything(page, i === 0 ? "5" : "2");
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect(page.getByRole("status")).toContainText("Review submitted");
  }
  await expect(page.getByText("2 of 2 reviews submitted")).toBeVisible();

  await signIn(page, staff);
  await page.goto(`${base}/ranking`);
  await expect(page.getByRole("img", { name: /reviews per score/ }).first()).toBeVisible();
  await expectAccessible(page);
  // This cycle sends released decisions at once (trust-staff.spec.ts covers the cancellable delay).
  await db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
  await page.goto(`${base}/decisions`);
  await expectAccessible(page);
  const [first] = fixture.applicants;
  await page.getByRole("checkbox", { name: `Select ${first!.name}` }).check();
  await page.getByRole("button", { name: "Mark as finalists" }).click();
  await expect(page.getByRole("status")).toContainText("1 application marked");
  await page.getByRole("checkbox", { name: "I have checked the decisions" }).check();
  await page.getByRole("button", { name: "Release 1 decision" }).click();
  await expect(page.getByRole("status")).toContainText("Released 1 decision");
  const finalist = await db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select("users.email")
    .where("applications.cycleId", "=", fixture.cycle.id)
    .where("applications.status", "=", "finalist")
    .executeTakeFirstOrThrow();
  const decision = await mailbox.waitFor(finalist.email, "You are a finalist");
  expect(decision.text).toContain("selected you as a finalist");
});

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a reviewer scores, saves a draft, and submits", async ({ page, db, createAccount, expectAccessible }) => {
    const fixture = await createReviewFixture(db, config, { applicants: 1, reviewers: 0, k: 1 });
    const reviewer = await createAccount({ name: "No Script Reviewer" });
    await db
      .insertInto("cycleReviewers")
      .values({ cycleId: fixture.cycle.id, userId: reviewer.id, capacity: 3, expertise: "[]" })
      .execute();
    const assignment = await db
      .insertInto("reviewAssignments")
      .values({
        cycleId: fixture.cycle.id,
        roundId: fixture.round.id,
        applicationId: fixture.applicants[0]!.applicationId,
        reviewerId: reviewer.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await signIn(page, reviewer);
    await page.goto(`/review/${assignment.id}`);
    await expectAccessible(page);
    await page
      .getByRole("radiogroup", { name: "Score for Commitment" })
      .getByRole("radio", { name: "4", exact: true })
      .check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("status")).toContainText("Draft saved");
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect(page.getByText("Give a score")).toBeVisible();
    await expectAccessible(page);
    await scoreEverything(page, "3");
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect(page.getByRole("status")).toContainText("Review submitted");
    const review = await db
      .selectFrom("reviews")
      .select(["submittedAt", "scores"])
      .where("assignmentId", "=", assignment.id)
      .executeTakeFirstOrThrow();
    expect(review.submittedAt).not.toBeNull();
    expect(Object.values(review.scores)).toEqual([3, 3]);
  });
});
