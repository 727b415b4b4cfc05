import { runAssignment } from "~/review/assignments.server";
import { saveReview } from "~/review/reviews.server";
import { createReviewFixture } from "../support/review";
import { expect, signIn, test, fixtureConfig } from "./support/fixtures";

const config = fixtureConfig;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("staff add a panel round, advance the screening's top 1 into it, and the panel reviewer sees it", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      test.slow();
      // Round 1 (screening) done through the domain: two applications, one reviewer each, scored 5 and 2.
      const fixture = await createReviewFixture(db, config, { applicants: 2, reviewers: 2, k: 1 });
      await runAssignment(db, config, fixture.staffId, fixture.cycle);
      const screening = await db
        .selectFrom("reviewAssignments")
        .select(["id", "applicationId", "reviewerId"])
        .where("cycleId", "=", fixture.cycle.id)
        .execute();
      const [best, weaker] = fixture.applicants;
      for (const assignment of screening) {
        const score = assignment.applicationId === best!.applicationId ? 5 : 2;
        await saveReview(db, {
          assignmentId: assignment.id,
          reviewerId: assignment.reviewerId,
          version: 0,
          values: {
            scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, score])),
            comments: {},
            recommendation: "yes",
            confidence: 2,
            overallComment: "",
          },
          submit: true,
        });
      }
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      const panelist = await createAccount({ name: "Pat Panelist" });
      await db
        .insertInto("cycleReviewers")
        .values({ cycleId: fixture.cycle.id, userId: panelist.id, capacity: 5, expertise: JSON.stringify([]) })
        .execute();
      const base = `/staff/cycles/${fixture.cycle.slug}`;

      await signIn(page, staff);
      await page.goto(`${base}/rounds`);
      const add = page.getByRole("region", { name: "Add round 2" });
      // Without a reviewer the round is refused with the field's message.
      await add.getByLabel("Name of the round").fill("Panel");
      await add.getByLabel("Reviewers per application (k)").fill("1");
      await add.getByRole("button", { name: "Add the round" }).click();
      await expect(page.getByText("Choose at least one reviewer for the round")).toBeVisible();
      await add.getByLabel("Name of the round").fill("Panel");
      await add.getByLabel("Reviewers per application (k)").fill("1");
      await add.getByRole("checkbox", { name: "Pat Panelist" }).check();
      await add.getByRole("button", { name: "Add the round" }).click();
      await expect(page.getByRole("status")).toContainText("Round 2 added: Panel.");

      const advance = page.getByRole("region", { name: "Advance from Review to Panel" });
      await expectAccessible(page);
      await advance.getByLabel("N (top N)").fill("1");
      await advance.getByLabel("Why (kept in the audit log)").fill("The screening's best goes to the panel.");
      await advance.getByRole("button", { name: "Advance to Panel" }).click();
      await expect(page.getByRole("status")).toContainText("Advanced 1 application.");
      await expect(advance.getByRole("row", { name: new RegExp(best!.name) })).toContainText("Yes");
      await expect(advance.getByRole("row", { name: new RegExp(weaker!.name) })).toContainText("No");

      await page.goto(`${base}/assignments?round=2`);
      await expect(page.getByRole("heading", { name: /Assignments of .*, Panel/ })).toBeVisible();
      await page.getByRole("button", { name: "Run assignment" }).click();
      await expect(page.getByRole("status")).toContainText("Added 1 assignment");

      await signIn(page, panelist);
      await page.goto("/review");
      const queue = page.getByRole("table");
      await expect(queue.getByRole("row")).toHaveCount(2);
      // The panel round is not blind: the panelist reads the advanced application under its name.
      await expect(queue.getByRole("row", { name: new RegExp(best!.name) })).toContainText("Panel");
      await expectAccessible(page);
      await queue.getByRole("link", { name: best!.name }).click();
      await expect(page.getByText(/· Panel/)).toBeVisible();
    });
  });
}
