import type { Page } from "@playwright/test";
import { saveReview } from "~/review/reviews.server";
import { sendDiscussionDigests } from "~/review/discussion-digest.server";
import { createReviewFixture } from "../support/review";
import { expect, signIn, test, type Account, fixtureConfig } from "./support/fixtures";

const config = fixtureConfig;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("two reviewers and staff discuss an application; the lead's meta-review reaches the applicant with the decision", async ({
      page,
      db,
      createAccount,
      mailbox,
      expectAccessible,
    }) => {
      // Five sign-ins, five axe checks and an SMTP round trip: longer than the slow-test budget on two loaded cores.
      test.setTimeout(240_000);
      const fixture = await createReviewFixture(db, config, { applicants: 1, reviewers: 0, k: 2 });
      const [applicant] = fixture.applicants;
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      const first = await createAccount({ name: "Amara First" });
      const second = await createAccount({ name: "Bongani Second" });
      const assignments: Record<string, string> = {};
      for (const reviewer of [first, second]) {
        await db
          .insertInto("cycleReviewers")
          .values({ cycleId: fixture.cycle.id, userId: reviewer.id, capacity: 3, expertise: "[]" })
          .execute();
        const row = await db
          .insertInto("reviewAssignments")
          .values({
            cycleId: fixture.cycle.id,
            roundId: fixture.round.id,
            applicationId: applicant!.applicationId,
            reviewerId: reviewer.id,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        assignments[reviewer.id] = row.id;
        const saved = await saveReview(db, {
          assignmentId: row.id,
          reviewerId: reviewer.id,
          version: 0,
          values: {
            scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, 4])),
            comments: {},
            recommendation: "yes",
            confidence: 2,
            overallComment: "Solid.",
          },
          submit: true,
        });
        expect(saved.ok).toBe(true);
      }
      const post = async (text: string) => {
        // With JavaScript, a click before the page has hydrated can be lost; wait for it to settle.
        await page.waitForLoadState("networkidle");
        await page.getByLabel("Add to the discussion").fill(text);
        await page.getByRole("button", { name: "Post" }).click();
        await expect(page.getByRole("status")).toContainText("Posted to the discussion");
      };
      const reviewPage = (reviewer: Account) => `/review/${assignments[reviewer.id]}`;

      // The first reviewer opens the thread; an empty post is refused with the field's message.
      await signIn(page, first);
      await page.goto(reviewPage(first));
      await expect(page.getByRole("heading", { name: "Discussion" })).toBeVisible();
      // Before hydration the browser's own check of the required field stops the post, with no
      // message in the page: wait for the page's script, whose check shows the field's message.
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Post" }).click();
      await expect(page.getByText("Write something to post")).toBeVisible();
      await expectAccessible(page);
      await post("The plan names the tools; skill match looks strong to me.");
      await expect(page.getByText("Reviewer 1 (you)")).toBeVisible();

      // The second sees the first only by number, never by name, and never the applicant's name (blind).
      await signIn(page, second);
      await page.goto(reviewPage(second));
      const thread = page.getByRole("region", { name: "Discussion" });
      await expect(thread.getByText("Reviewer 1", { exact: true })).toBeVisible();
      await expect(page.getByText(first.name)).toHaveCount(0);
      await expect(page.getByText(applicant!.name)).toHaveCount(0);
      await post("Agreed, though the timeline is tight.");
      await expectAccessible(page);

      // Staff read names, take part, and make the second reviewer the lead.
      await signIn(page, staff);
      const staffPage = `/staff/cycles/${fixture.cycle.slug}/applications/${applicant!.applicationId}`;
      await page.goto(staffPage);
      await expect(page.getByText(`${first.name} (Reviewer 1)`)).toBeVisible();
      await expect(page.getByText(`${second.name} (Reviewer 2)`)).toBeVisible();
      await post("The host confirmed the timeline can stretch.");
      await page.getByLabel("Lead reviewer (writes the meta-review)").selectOption({ label: second.name });
      await page.getByRole("button", { name: "Save lead" }).click();
      await expect(page.getByRole("status")).toContainText("Lead reviewer saved");
      await expectAccessible(page);

      // The digest: the first reviewer hears of the posts since theirs, none of their own. A pass run by
      // the parallel test may have sent the first of them already, so the posts may come in two emails.
      await sendDiscussionDigests(db, config);
      await expect
        .poll(
          async () => (await mailbox.list(first.email, "in the discussion")).map((email) => email.text).join("\n"),
          {
            timeout: 10_000,
          },
        )
        .toMatch(/Agreed, though the timeline is tight\.[\s\S]*The host confirmed the timeline can stretch\./);
      const digests = (await mailbox.list(first.email, "in the discussion")).map((email) => email.text).join("\n");
      expect(digests).not.toContain("The plan names the tools");
      expect(digests).not.toContain(applicant!.name);

      // The lead writes the meta-review.
      await signIn(page, second);
      await page.goto(reviewPage(second));
      await expect(page.getByText("You are the lead reviewer of this application.")).toBeVisible();
      const metaReview = "The panel found a concrete plan; share progress with the cohort more often.";
      await page.getByLabel("Write the meta-review").fill(metaReview);
      await page.getByRole("button", { name: "Save meta-review" }).click();
      await expect(page.getByRole("status")).toContainText("Meta-review saved");
      await expectAccessible(page);

      // Staff release it with the decision; the preview shows it; the applicant receives it over SMTP.
      await signIn(page, staff);
      await page.goto(staffPage);
      await page.getByRole("button", { name: "Release to the applicant with the decision" }).click();
      await expect(page.getByRole("status")).toContainText("goes to the applicant with the decision");
      await db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
      await page.goto(`/staff/cycles/${fixture.cycle.slug}/decisions`);
      await page.getByRole("checkbox", { name: `Select ${applicant!.name}` }).check();
      await page.getByRole("button", { name: "Mark as not selected" }).click();
      await expect(page.getByRole("status")).toContainText("1 application marked");
      await expect(page.getByText("with the panel’s meta-review")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("checkbox", { name: "I have checked the decisions" }).check();
      await page.getByRole("button", { name: "Release 1 decision" }).click();
      await expect(page.getByRole("status")).toContainText("Released 1 decision");
      const decision = await mailbox.waitFor(applicant!.email, "Your application to");
      expect(decision.text).toContain(metaReview);

      // The thread is closed now.
      await page.goto(staffPage);
      await expect(page.getByText("the discussion is closed")).toBeVisible();
    });
  });
}

test("a reviewer bids without JavaScript, and an unknown bid is refused with the field's message", async ({
  browser,
  db,
  createAccount,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page: Page = await context.newPage();
  const fixture = await createReviewFixture(db, config, { applicants: 2, reviewers: 0 });
  const reviewer = await createAccount({ name: "Bidding Reviewer" });
  await db
    .insertInto("cycleReviewers")
    .values({ cycleId: fixture.cycle.id, userId: reviewer.id, capacity: 3, expertise: "[]" })
    .execute();
  await signIn(page, reviewer);
  await page.goto("/review");
  await page.getByRole("link", { name: "Bid on this cycle’s applications" }).click();
  // The bids form's selects (the footer's language switcher is a select too).
  const selects = page.getByRole("main").getByRole("combobox");
  await expect(selects).toHaveCount(2);
  await selects.nth(0).selectOption("eager");
  await selects.nth(1).selectOption("conflict");
  await page.getByRole("button", { name: "Save bids" }).click();
  await expect(page.getByRole("status")).toContainText("Bids saved");
  await expect(selects.nth(0)).toHaveValue("eager");
  await expect(selects.nth(1)).toHaveValue("conflict");
  const bids = await db
    .selectFrom("reviewBids")
    .select(["bid"])
    .where("reviewerId", "=", reviewer.id)
    .orderBy("bid", "desc")
    .execute();
  expect(bids.map((row) => row.bid)).toEqual(["eager", "conflict"]);
  const response = await page.request.post(page.url(), {
    form: { "bids[0].applicationId": fixture.applicants[0]!.applicationId, "bids[0].bid": "maybe" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Choose eager, willing, not willing or conflict");
  await context.close();
});
