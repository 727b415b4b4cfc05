import type { Page } from "@playwright/test";
import { runAssignment } from "~/review/assignments.server";
import { createReviewFixture } from "../support/review";
import { expect, fixtureConfig, test, type Account } from "./support/fixtures";

async function signIn(page: Page, account: Account) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("staff browse assignments by application and by reviewer, and replace a reviewer found by search", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      test.slow();
      const fixture = await createReviewFixture(db, fixtureConfig, {
        applicants: 2,
        reviewers: 3,
        k: 1,
        rubric: false,
      });
      await runAssignment(db, fixtureConfig, fixture.staffId, fixture.cycle);
      const [first] = fixture.applicants;
      const old = await db
        .selectFrom("reviewAssignments")
        .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
        .select(["users.id", "users.name"])
        .where("applicationId", "=", first!.applicationId)
        .executeTakeFirstOrThrow();
      const other = fixture.reviewers.find((reviewer) => reviewer.id !== old.id)!;
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      await signIn(page, staff);

      await page.goto(`/staff/cycles/${fixture.cycle.slug}/assignments`);
      await expect(page.getByText("2 of 2 applications in review have 1 reviewers")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "By reviewer" }).click();
      await expect(page.getByRole("table", { name: "Reviewers of this round and their progress" })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: `Applications of ${old.name}` }).click();
      await expect(page.getByRole("table", { name: `Applications assigned to ${old.name}` })).toContainText(
        first!.name,
      );

      await page.getByRole("link", { name: `Add or replace a reviewer of ${first!.name}` }).click();
      await expect(page.getByRole("heading", { name: `Reviewers of ${first!.name}` })).toBeVisible();
      await page.getByRole("link", { name: `Replace ${old.name}` }).click();
      await expect(page.getByRole("heading", { name: `Find a reviewer to replace ${old.name}` })).toBeVisible();
      await expectAccessible(page);
      const search = page.getByRole("search");
      await search.getByLabel("Name or email").fill(other.name.slice(-7));
      // With JavaScript the matches follow the typing; without it the Search button asks the server.
      if (!javaScriptEnabled) await search.getByRole("button", { name: "Search" }).click();
      const replace = page.getByRole("button", { name: `Put ${other.name} in place of ${old.name}` });
      await expect(replace).toBeVisible();
      await expect(page.getByRole("button", { name: /^Put / })).toHaveCount(1);
      if (javaScriptEnabled) expect(new URL(page.url()).searchParams.has("q")).toBe(false);
      await expectAccessible(page);
      await replace.click();

      await expect(page.getByRole("status")).toContainText("Reviewer replaced.");
      const table = page.getByRole("table", { name: `Reviewers of ${first!.name} in this round` });
      await expect(table).toContainText(other.name);
      await expect(table).not.toContainText(old.name);
      await expectAccessible(page);
    });
  });
}
