import { hashPassword } from "~/auth/password.server";
import { saveApplicantRanking } from "~/matching/rankings.server";
import { createMatchingFixture } from "../support/matching";
import { expect, signIn, test, fixtureConfig } from "./support/fixtures";

const config = fixtureConfig;
const PASSWORD = "a password for the browser test";

test("a host ranks, a finalist ranks without JavaScript, staff run and publish, and both sides are emailed", async ({
  page,
  browser,
  db,
  createAccount,
  mailbox,
  expectAccessible,
}) => {
  test.slow();
  const partner = await createAccount({ name: "Host Person" });
  const staff = await createAccount({ name: "Staff Person", staff: true });
  const fixture = await createMatchingFixture(db, config, { finalists: 2, seats: [1], partnerIds: [partner.id] });
  const [first, second] = fixture.finalists;
  await db
    .updateTable("users")
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where("id", "=", first!.id)
    .execute();
  await saveApplicantRanking(db, {
    applicationId: second!.applicationId,
    applicantId: second!.id,
    order: [fixture.positions[0]!.id],
  });

  // The host puts the first finalist on top with the keyboard-friendly buttons, then saves.
  await signIn(page, { email: partner.email, password: PASSWORD });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Host" }).click();
  await expect(page.getByRole("heading", { name: "Your positions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Position 1" }).click();
  await expect(page.getByRole("heading", { name: "Your rank list" })).toBeVisible();
  await expectAccessible(page);
  const list = page.getByRole("form", { name: "Rank the finalists" });
  await list.getByRole("button", { name: `Down ${first!.name}` }).click();
  await expect(list.getByLabel(first!.name)).toHaveValue("2");
  await expect(list.getByLabel(second!.name)).toHaveValue("1");
  await list.getByRole("button", { name: `Up ${first!.name}` }).click();
  await expect(list.getByLabel(first!.name)).toHaveValue("1");
  await list.getByRole("button", { name: "Save the ranking" }).click();
  // Nobody booked an interview: the host confirms ranking each without one, and the order stays.
  await expect(page.getByRole("alert")).toContainText("You have no interview booked with");
  await expect(list.getByLabel(first!.name, { exact: true })).toHaveValue("1");
  await list.getByLabel(`Rank ${first!.name} without an interview`).check();
  await list.getByLabel(`Rank ${second!.name} without an interview`).check();
  await expectAccessible(page);
  await list.getByRole("button", { name: "Save the ranking" }).click();
  await expect(page.getByRole("status")).toContainText("Ranking saved");
  await expect(list.getByLabel(first!.name)).toHaveValue("1");
  await expect(list.getByLabel(second!.name)).toHaveValue("2");

  // The finalist ranks without JavaScript.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": "10.77.0.1" },
  });
  const finalistPage = await noScript.newPage();
  await finalistPage.goto("/login");
  await finalistPage.getByLabel("Email").fill(first!.email);
  await finalistPage.getByLabel("Password").fill(PASSWORD);
  await finalistPage.getByRole("button", { name: "Sign in" }).click();
  await finalistPage.goto("/me/applications");
  await expect(finalistPage.getByRole("heading", { name: "Rank the positions that consider you" })).toBeVisible();
  await finalistPage.getByLabel(/Position 1/).fill("1");
  await finalistPage.getByRole("button", { name: "Save the ranking" }).click();
  await expect(finalistPage.getByRole("status")).toContainText("Your ranking is saved");

  // Staff run the matching, read the certificate, and publish.
  await signIn(page, { email: staff.email, password: PASSWORD });
  await page.goto(`/staff/cycles/${fixture.cycle.slug}/matching`);
  await expect(page.getByText("Everyone has ranked.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Run a dry run" }).click();
  await expect(page.getByText(/Stability certificate: 0 blocking pairs/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Matches" }).getByRole("cell", { name: first!.name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "I checked this result and want to publish it" }).check();
  await page.getByRole("button", { name: "Publish and email everyone" }).click();
  await expect(page.getByRole("status")).toContainText("Published: 1 matched, 1 not matched");

  const matched = await mailbox.waitFor(first!.email, "You are matched with");
  expect(matched.text).toContain("Position 1");
  await mailbox.waitFor(second!.email, "Your placement in");
  const host = await mailbox.waitFor(partner.email, "Matching results for Position 1");
  expect(host.text).toContain(first!.name);

  // The finalist accepts the placement, still without JavaScript.
  await finalistPage.goto("/me/applications");
  await finalistPage.getByRole("button", { name: "Accept the placement" }).click();
  await expect(finalistPage.getByRole("status")).toContainText("you accepted the placement");
  // A new fellow is invited to the network.
  const invitation = await mailbox.waitFor(first!.email, "Join the Open Web Fellows network");
  expect(invitation.text).toContain("/me/profile");
  await noScript.close();
});

test("a host ranks finalists by dragging them into order", async ({ page, db, createAccount }) => {
  const partner = await createAccount({ name: "Dragging Host" });
  const fixture = await createMatchingFixture(db, config, { finalists: 3, seats: [1], partnerIds: [partner.id] });
  const [first, second, third] = fixture.finalists;
  await signIn(page, { email: partner.email, password: PASSWORD });
  await page.goto(`/partner/positions/${fixture.positions[0]!.id}`);
  const list = page.getByRole("form", { name: "Rank the finalists" });
  const item = (name: string) => list.getByRole("listitem").filter({ hasText: name });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  // Unranked at first, in the page's order; dragging the last onto the first puts it on top.
  const names = await list.locator(".rank-label").allTextContents();
  expect(names.sort()).toEqual([first!.name, second!.name, third!.name].sort());
  const [top, , last] = await list.locator(".rank-label").allTextContents();
  await item(last!).dragTo(item(top!));
  await expect(list.locator(".rank-label").first()).toHaveText(last!);
  await expect(list.getByLabel(last!)).toHaveValue("1");
  await expect(list.getByText(`${last} moved to position 1.`)).toBeAttached();
  await list.getByRole("button", { name: "Save the ranking" }).click();
  await list.getByLabel(`Rank ${last} without an interview`).check();
  await list.getByRole("button", { name: "Save the ranking" }).click();
  await expect(page.getByRole("status")).toContainText("Ranking saved");
  await page.reload();
  await expect(list.locator(".rank-label").first()).toHaveText(last!);
  await expect(list.getByLabel(last!)).toHaveValue("1");
});
