import { expect, passEligibility, signIn, test } from "./support/fixtures";

// Issue 14: the eligibility screen before any draft, and a question shown only when an earlier
// answer calls for it, with JavaScript on and off.
const CYCLE = "open-web-2027";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a visitor fails the screen, is told why, changes an answer and passes", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      test.slow();
      const account = await createAccount({ name: "Tomás Quispe" });
      await signIn(page, account);
      await page.goto(`/cycles/${CYCLE}/eligibility`);
      await expect(page.getByRole("heading", { name: "Can you apply?" })).toBeVisible();
      const tenMonths = page.getByRole("group", { name: "Can you commit to ten months, from September to June?" });
      const adult = page.getByRole("group", { name: "Will you be 18 or older when the fellowship starts?" });
      await tenMonths.getByRole("radio", { name: "No" }).check();
      await adult.getByRole("radio", { name: "Yes" }).check();
      await page.getByRole("button", { name: "Check and continue" }).click();
      await expect(
        page.getByRole("heading", { name: "We are sorry: this program cannot take your application" }),
      ).toBeVisible();
      await expect(page.getByText("The fellowship is a ten-month commitment from September.")).toBeVisible();
      await expect(tenMonths.getByRole("radio", { name: "No" })).toBeChecked();
      await expectAccessible(page);
      // Nothing was created for them, and the form does not open.
      expect(await db.selectFrom("applications").select("id").where("applicantId", "=", account.id).execute()).toEqual(
        [],
      );
      await page.goto(`/apply/${CYCLE}/1`);
      await expect(page).toHaveURL(new RegExp(`/cycles/${CYCLE}/eligibility$`));

      await tenMonths.getByRole("radio", { name: "Yes" }).check();
      await adult.getByRole("radio", { name: "Yes" }).check();
      await page.getByRole("button", { name: "Check and continue" }).click();
      await expect(page.getByRole("heading", { name: "Your application to Open Web Fellows 2027" })).toBeVisible();
    });

    test("a question shown only on the Tech Policy track is kept only while that track is chosen", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      test.slow();
      const account = await createAccount({ name: "Tomás Quispe" });
      await signIn(page, account);
      await passEligibility(page, CYCLE);
      await page.goto(`/apply/${CYCLE}/1`);
      await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
      const arena = page.getByRole("group", { name: /Which policy arena would you work in\?/ });
      if (javaScriptEnabled) {
        // The browser applies the same rule as the choice changes.
        await expect(arena).toBeHidden();
        await page.getByRole("radio", { name: "Science" }).check();
        await expect(arena).toBeHidden();
      } else {
        await expect(
          page.getByText("Shown when the answer to “Which track are you applying to?” is “Tech Policy”"),
        ).toBeVisible();
      }
      await page.getByRole("radio", { name: "Tech Policy" }).check();
      await expect(arena).toBeVisible();
      await arena.getByRole("radio", { name: "Surveillance" }).check();
      await page.getByLabel("Country and city where you live").fill("Cusco, Peru");
      await page.getByRole("radio", { name: "Flexible" }).check();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByRole("status")).toContainText("Draft saved at");

      // The answer is kept while the track calls for it, and removed when it no longer does.
      const stored = async () =>
        (
          await db
            .selectFrom("applications")
            .select("answers")
            .where("applicantId", "=", account.id)
            .executeTakeFirstOrThrow()
        ).answers;
      await expect.poll(async () => Object.values(await stored())).toContain("Surveillance");
      await page.goto(`/apply/${CYCLE}/1`);
      await page.getByRole("radio", { name: "Science" }).check();
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect.poll(async () => Object.values(await stored())).toContain("Science");
      expect(Object.values(await stored())).not.toContain("Surveillance");
      await page.goto(`/apply/${CYCLE}/review`);
      await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
      await expect(page.getByText("Which policy arena would you work in?")).toHaveCount(0);
    });
  });
}

test("staff see how many visitors each screening question stopped", async ({
  page,
  createAccount,
  expectAccessible,
}) => {
  const staff = await createAccount({ staff: true });
  await signIn(page, staff);
  await page.goto(`/staff/cycles/${CYCLE}/eligibility`);
  await expect(page.getByRole("heading", { name: "Eligibility screen of Open Web Fellows 2027" })).toBeVisible();
  const row = page.getByRole("row", { name: /Can you commit to ten months/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^\d+$/);
  await expectAccessible(page);
});
