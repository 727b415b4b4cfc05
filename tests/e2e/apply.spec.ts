import type { Page } from "@playwright/test";
import { tinyPdf } from "#db/seed/pdf";
import { expect, passEligibility, test, type Account } from "./support/fixtures";

const CYCLE = "open-web-2027";

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

    test("a whole application with a PDF", async ({ page, createAccount, mailbox, expectAccessible }) => {
      // Eight pages with an axe scan each, the eligibility screen among them: past 90 s on two loaded cores.
      test.setTimeout(240_000);
      const account = await createAccount({ name: "Wanjiku Otieno" });
      await signIn(page, account);
      await page.goto(`/cycles/${CYCLE}`);
      await expect(page.getByRole("heading", { name: "Open Web Fellows 2027" })).toBeVisible();
      await expect(page.getByText(/Closes in \d+ day/)).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Apply now" }).click();

      await expect(page.getByRole("heading", { name: "Can you apply?" })).toBeVisible();
      await passEligibility(page, CYCLE);
      await expect(page.getByRole("heading", { name: "Your application to Open Web Fellows 2027" })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Start" }).click();

      await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("radio", { name: "Tech Policy" }).check();
      await page.getByLabel("Country and city where you live").fill("Kisumu, Kenya");
      await page.getByRole("radio", { name: "Flexible" }).check();
      await page.getByRole("button", { name: "Save and go to the next step" }).click();

      await expect(page.getByRole("heading", { name: "Your work" })).toBeVisible();
      await expect(page.getByRole("status")).toContainText("Draft saved at");
      // A blind cycle: the applicant is told, while writing, what reviewers will not see.
      await expect(page.getByRole("complementary", { name: "Reviewers will not know who you are" })).toContainText(
        "every web address, email address and @handle by “[link withheld]”",
      );
      await page
        .getByLabel("Why is the open web important to you?")
        .fill("Because the people I work with learn, organise and speak there.");
      await page
        .getByLabel("Something you built, researched or organized")
        .fill("A community mesh network for a fishing village.");
      await page.getByLabel("A link to your work").fill("https://example.org/mesh");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save and go to the next step" }).click();

      await expect(page.getByRole("heading", { name: "Fit with a host" })).toBeVisible();
      await page
        .getByLabel("Which issues and kind of host fit you")
        .fill("Decentralization, with a digital-rights group.");
      await page.getByLabel("How will you work in the open").fill("A public weekly log.");
      await page.getByLabel("Other commitments during the ten months").fill("None.");
      await page.getByRole("button", { name: "Save and go to the next step" }).click();

      await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
      await expectAccessible(page);
      await page
        .getByLabel("Your CV (PDF)")
        .setInputFiles({ name: "wanjiku-cv.pdf", mimeType: "application/pdf", buffer: tinyPdf("Wanjiku Otieno CV") });
      await page.getByRole("button", { name: "Save and continue" }).click();

      await expect(page.getByRole("heading", { name: "About you (optional)" })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("Where are you based?").selectOption("Sub-Saharan Africa");
      await page.getByLabel("How do you describe your gender?").selectOption("Prefer not to say");
      await page.getByRole("button", { name: "Save and review" }).click();

      await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
      await expect(page.getByRole("link", { name: "wanjiku-cv.pdf" })).toBeVisible();
      await expect(page.getByText("Still to answer")).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Submit my application" }).click();

      await expect(page.getByRole("heading", { name: "Your applications" })).toBeVisible();
      await expect(page.getByRole("status")).toContainText("Your application is submitted");
      await expect(page.getByText("Status: Submitted")).toBeVisible();
      await expectAccessible(page);

      const receipt = await mailbox.waitFor(account.email, "We received your application to Open Web Fellows 2027");
      expect(receipt.text).toContain("A community mesh network for a fishing village.");
      expect(receipt.text).toContain("File: wanjiku-cv.pdf");
    });
  });
}

test("a typed answer is autosaved and survives closing the tab", async ({ page, context, createAccount }) => {
  // Passing the eligibility screen first adds two page loads: the slow-test budget on a loaded machine.
  test.slow();
  const account = await createAccount();
  await signIn(page, account);
  await passEligibility(page, CYCLE);
  // A first save creates the draft; autosave keeps it up to date from then on.
  await page.goto(`/apply/${CYCLE}/2`);
  const answer = page.getByLabel("Why is the open web important to you?");
  await answer.fill("Because it belongs to everyone");
  await expect(page.getByText(/Draft saved at/)).toBeVisible({ timeout: 10_000 });
  await answer.pressSequentially(", and because it is fragile.");
  await expect(page.getByText("10 of 150 words")).toBeVisible();
  await page.waitForResponse((response) => response.request().method() === "POST");
  await expect(page.getByText(/Draft saved at/)).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await again.goto(`/apply/${CYCLE}/2`);
  await expect(again.getByLabel("Why is the open web important to you?")).toHaveValue(
    "Because it belongs to everyone, and because it is fragile.",
  );
});

test("saving while a background save is on its way waits for it instead of reporting a conflict", async ({
  page,
  createAccount,
}) => {
  test.slow();
  const account = await createAccount();
  await signIn(page, account);
  await passEligibility(page, CYCLE);
  await page.goto(`/apply/${CYCLE}/2`);
  const answer = page.getByLabel("Why is the open web important to you?");
  await answer.fill("Open standards");
  await expect(page.getByText(/Draft saved at/)).toBeVisible({ timeout: 10_000 });
  // The next background save reaches the server at once but its answer comes back late, so the
  // draft's version has moved on before the page knows it.
  let releaseAutosave = () => {};
  const autosaveHeld = new Promise<void>((resolve) => (releaseAutosave = resolve));
  await page.route(`**/apply/${CYCLE}/2**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !(request.postData() ?? "").includes("intent=autosave")) return route.continue();
    const response = await route.fetch();
    await autosaveHeld;
    await route.fulfill({ response });
  });
  const sent = page.waitForRequest((request) => (request.postData() ?? "").includes("intent=autosave"));
  await answer.pressSequentially(" and open source.");
  await sent;
  await answer.pressSequentially(" Always.");
  await page.getByRole("button", { name: "Save and go to the next step" }).click();
  releaseAutosave();
  await expect(page).toHaveURL(new RegExp(`/apply/${CYCLE}/3$`));
  await page.goto(`/apply/${CYCLE}/2`);
  await expect(page.getByLabel("Why is the open web important to you?")).toHaveValue(
    "Open standards and open source. Always.",
  );
});

test("an applicant cannot open another applicant's file", async ({ page, createAccount, db }) => {
  const owner = await createAccount();
  const other = await createAccount();
  await signIn(page, owner);
  await passEligibility(page, CYCLE);
  await page.goto(`/apply/${CYCLE}/4`);
  await page
    .getByLabel("Your CV (PDF)")
    .setInputFiles({ name: "owner-cv.pdf", mimeType: "application/pdf", buffer: tinyPdf("Owner") });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("link", { name: "owner-cv.pdf" })).toBeVisible();
  const file = await db.selectFrom("files").select("id").where("ownerId", "=", owner.id).executeTakeFirstOrThrow();

  await page.context().clearCookies();
  await signIn(page, other);
  const response = await page.goto(`/files/${file.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("this file does not exist, or it is not yours to see")).toBeVisible();
});
