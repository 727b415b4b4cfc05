import type { Page } from "@playwright/test";
import { expect, test, type Account } from "./support/fixtures";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
}

const DEMO_ALLY = { email: "ally@demo.test", password: "open-web-fellows" };

for (const javaScriptEnabled of [true, false]) {
  test.describe(`directory with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a visitor searches, filters by language with counts, and opens a profile", async ({
      page,
      expectAccessible,
    }) => {
      // Three axe checks, each in a fresh context without JavaScript: beyond 30 s on two loaded cores.
      test.slow();
      await page.goto("/");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Directory" }).click();
      await expect(page.getByRole("heading", { name: "Network directory" })).toBeVisible();
      await expectAccessible(page);
      const search = page.getByRole("search", { name: "Search the directory" });
      await search.getByLabel("Name, skill or words").fill("security training");
      await search.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=security\+training/);
      const spanish = search.getByRole("checkbox", { name: /^Spanish \(\d+\)$/ });
      await spanish.check();
      // With JavaScript a ticked box applies at once; without it the form is sent as it is.
      if (!javaScriptEnabled) await search.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/language=Spanish/);
      await expect(search.getByRole("checkbox", { name: /^Spanish/ })).toBeChecked();
      const results = page.getByRole("list", { name: "Allies" });
      await expect(results.getByRole("link", { name: "Tomás Rivera" })).toBeVisible();
      await expectAccessible(page);
      await results.getByRole("link", { name: "Tomás Rivera" }).click();
      await expect(page.getByRole("heading", { name: "Tomás Rivera" })).toBeVisible();
      await expect(page.getByText("ally@demo.test")).toHaveCount(0);
      await expect(page.getByText("Host partners and program staff can write to allies")).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test("a partner finds an ally by skill and language and writes to them; the ally accepts", async ({
  page,
  browser,
  createAccount,
  db,
  mailbox,
  expectAccessible,
}) => {
  test.slow();
  const partner: Account = await createAccount({ name: "Petra Partner" });
  const org = await db
    .insertInto("organizations")
    .values({ slug: `e2e-${partner.id.slice(0, 8)}`, name: "E2E Host", focusAreas: "[]" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("orgMembers").values({ organizationId: org.id, userId: partner.id }).execute();
  await signIn(page, partner);
  await page.goto("/directory?skill=security+training&language=Spanish");
  await page.getByRole("list", { name: "Allies" }).getByRole("link", { name: "Tomás Rivera" }).click();
  const message = `Petra here: could you co-teach a workshop? (${partner.id.slice(0, 6)})`;
  await page.getByLabel("Your message").fill(message);
  await page.getByRole("button", { name: "Send the message" }).click();
  await expect(page.getByRole("status")).toContainText("Message sent");
  await expectAccessible(page);
  const email = await mailbox.waitFor(DEMO_ALLY.email, "Petra Partner would like to get in touch");
  expect(email.text).not.toContain(partner.email);

  const allyContext = await browser.newContext();
  const allyPage = await allyContext.newPage();
  await signIn(allyPage, DEMO_ALLY);
  await allyPage.goto("/me/contacts");
  await expectAccessible(allyPage);
  const card = allyPage.getByRole("listitem").filter({ hasText: message });
  await card.getByRole("button", { name: /Accept and share my email/ }).click();
  await expect(allyPage.getByRole("status")).toContainText("Accepted");
  await allyContext.close();

  const answer = await mailbox.waitFor(partner.email, "accepted your message");
  expect(answer.text).toContain(DEMO_ALLY.email);
  await page.goto("/me/contacts");
  await expect(page.getByText(`Their email address: ${DEMO_ALLY.email}`).first()).toBeVisible();
  await expectAccessible(page);
});

test("staff staff the Encrypt campaign; the ally accepts from the emailed link and the progress bar moves", async ({
  page,
  browser,
  createAccount,
  db,
  mailbox,
  expectAccessible,
}) => {
  test.slow();
  const ally = await createAccount({ name: "Sol Storyteller" });
  const displayName = `Sol Storyteller ${ally.id.slice(0, 6)}`;
  await db
    .insertInto("allyProfiles")
    .values({
      userId: ally.id,
      displayName,
      headline: "Stories about encryption",
      disciplines: ["artist"],
      skills: ["storytelling", "security training", "localization"],
      languages: ["English", "Spanish", "French"],
      timezone: "UTC",
      links: "[]",
      hoursPerMonth: 20,
      visibility: "staff",
      termsVersion: "test",
      consentedAt: new Date(),
    })
    .execute();
  const staff = await createAccount({ name: "Rosa Staff", staff: true });
  await signIn(page, staff);
  await page.goto("/staff/campaigns");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Stand Up for Encryption" }).click();
  await expect(page.getByRole("heading", { name: "Stand Up for Encryption" })).toBeVisible();
  await expectAccessible(page);
  const bar = page.getByRole("progressbar", { name: /storytelling/ });
  const before = Number(await bar.getAttribute("value"));

  await page.getByRole("link", { name: "Suggested allies" }).click();
  await expect(page.getByRole("heading", { name: "Suggested allies for Stand Up for Encryption" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Ask ${displayName} for storytelling` }).click();
  await expect(page.getByRole("status")).toContainText("Asked");

  const email = await mailbox.waitFor(ally.email, "Will you join the campaign “Stand Up for Encryption”?");
  const link = /(http:\/\/\S+\/campaign-replies\/\S+\?answer=accept)/.exec(email.text)![1]!;
  const allyContext = await browser.newContext();
  const allyPage = await allyContext.newPage();
  await allyPage.goto(link);
  await expect(allyPage.getByRole("heading", { name: "Join “Stand Up for Encryption”?" })).toBeVisible();
  await expectAccessible(allyPage);
  // Being named on the public page is the ally's own choice.
  await allyPage.getByRole("checkbox", { name: /Show my name on the campaign's public page/ }).check();
  await allyPage.getByRole("button", { name: "Accept" }).click();
  await expect(allyPage.getByRole("status")).toContainText("You joined “Stand Up for Encryption”");
  // The link works once.
  await allyPage.goto(link);
  await expect(allyPage.getByText("This link has been used: you accepted already.")).toBeVisible();
  await allyContext.close();

  await page.goto("/staff/campaigns/encrypt");
  await expect(page.getByRole("progressbar", { name: /storytelling/ })).toHaveAttribute("value", String(before + 1));
  await expect(page.getByRole("row").filter({ hasText: displayName })).toContainText("Accepted");
  await page.goto("/campaigns/encrypt");
  await expect(page.getByRole("heading", { name: displayName })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/staff/allies");
  await expectAccessible(page);
});

test("an ally keeps a profile, answers campaigns in the portal and finds their data", async ({
  page,
  createAccount,
  expectAccessible,
}) => {
  const person = await createAccount({ name: "Noor Newcomer" });
  await signIn(page, person);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My profile" }).click();
  await expect(page.getByRole("heading", { name: "Your directory profile" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Headline").fill("Mesh networks for rural libraries");
  await page.getByRole("checkbox", { name: "Technologist" }).check();
  await page.getByLabel("Skills").fill("mesh networking, training");
  await page.getByRole("checkbox", { name: "Arabic" }).check();
  await page.getByRole("radio", { name: /^Anyone/ }).check();
  await page.getByRole("button", { name: "Join the directory" }).click();
  await expect(page.getByText("Agree to the terms to be listed in the directory")).toBeVisible();
  await page.getByRole("checkbox", { name: /I agree to these terms/ }).check();
  await page.getByRole("button", { name: "Join the directory" }).click();
  await expect(page.getByRole("status")).toContainText("Welcome to the network");
  await expectAccessible(page);
  await page.goto("/me/campaigns");
  await expect(page.getByRole("heading", { name: "Your campaigns" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/me/account");
  await expect(page.getByRole("link", { name: "Download all your data" })).toBeVisible();
  await expectAccessible(page);
});
