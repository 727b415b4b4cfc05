import { randomUUID } from "node:crypto";
import { expect, signIn, test } from "./support/fixtures";

// Issue 16: staff enter a translation in the browser (here a campaign's summary, in Spanish), and a
// Spanish-speaking visitor then reads it on the campaign's public page.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("staff translate a campaign's summary into Spanish; the public page shows it in Spanish", async ({
      page,
      browser,
      baseURL,
      createAccount,
      db,
      expectAccessible,
    }) => {
      test.slow();
      const slug = `translated-${randomUUID().slice(0, 8)}`;
      await db
        .insertInto("campaigns")
        .values({
          slug,
          name: "Keep the Web Open",
          summary: "Allies explain the open web to their neighbours.",
          startsOn: "2030-01-01",
          endsOn: "2030-03-01",
          status: "active",
        })
        .execute();
      const staff = await createAccount({ name: "Tere Translator", staff: true });
      await signIn(page, staff);
      await page.goto(`/staff/campaigns/${slug}`);
      await expect(page.getByRole("heading", { name: "The summary in other languages" })).toBeVisible();
      await page.getByText("Translations of the summary").click();
      const spanish = page.getByRole("group", { name: "Español" });
      await spanish.getByLabel("Summary").fill("Aliadas explican la web abierta a sus vecinos.");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save the Español translation" }).click();
      await expect(page.getByRole("status")).toContainText("Español translation saved.");
      await expect(page.getByText("Translated: Español")).toBeVisible();

      const visitor = await browser.newContext({ baseURL, javaScriptEnabled, locale: "es-ES" });
      const visitorPage = await visitor.newPage();
      await visitorPage.goto(`/campaigns/${slug}`);
      await expect(visitorPage.locator("html")).toHaveAttribute("lang", "es");
      await expect(visitorPage.getByText("Aliadas explican la web abierta a sus vecinos.")).toBeVisible();
      await expect(visitorPage.getByText("Allies explain the open web")).toHaveCount(0);
      await visitor.close();
    });
  });
}
