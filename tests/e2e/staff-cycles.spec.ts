import { expect, test } from "./support/fixtures";

test("staff create a cycle, build its questions, publish it, and read the applications", async ({
  page,
  createAccount,
  expectAccessible,
}) => {
  test.slow();
  const staff = await createAccount({ name: "Rosa Staff", staff: true });
  await page.goto("/login");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/staff/cycles");
  await expect(page.getByRole("heading", { name: "Fellowship cycles" })).toBeVisible();
  await expectAccessible(page);

  const slug = `e2e-${Date.now().toString(36)}`;
  const newCycle = page.getByRole("region", { name: "New cycle" });
  await newCycle.getByLabel("Name", { exact: true }).fill("Science Fellows 2031");
  await newCycle.getByLabel("Address").fill(slug);
  await newCycle.getByLabel("Description (Markdown)").fill("Fellowships for **open science**.");
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await newCycle.getByLabel("Opens at").fill(`${day(-1)}T09:00`);
  await newCycle.getByLabel("Deadline").fill(`${day(30)}T17:00`);
  await newCycle.getByLabel("Time zone").fill("Africa/Nairobi");
  await newCycle.getByRole("button", { name: "Create the cycle" }).click();

  await expect(page.getByRole("heading", { name: "Questions of Science Fellows 2031" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Cycle created as a draft");
  await expectAccessible(page);
  const add = page.getByRole("region", { name: "Add a question" });
  await add.getByLabel("Step (section) it appears on").fill("Your research");
  await add.getByLabel("Question", { exact: true }).fill("What would you make open?");
  await add.getByLabel("Kind of answer").selectOption("long_text");
  await add.getByLabel("Word limit").fill("100");
  await add.getByLabel("Required").check();
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByRole("heading", { name: "What would you make open?" })).toBeVisible();

  await page.getByRole("navigation", { name: "Cycle" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings of Science Fellows 2031" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Status").selectOption("open");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");

  await page.goto(`/cycles/${slug}`);
  await expect(page.getByText("Open for applications")).toBeVisible();
  await expect(page.getByText("open science")).toBeVisible();

  await page.goto("/staff/cycles/open-web-2027/applications?status=submitted");
  await expect(page.getByRole("heading", { name: "Applications to Open Web Fellows 2027" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Application of / })).toBeVisible();
  await expect(page.getByText("Why is the open web important to you?")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/staff/cycles/open-web-2026/demographics");
  await expect(page.getByRole("heading", { name: "Who applied to Open Web Fellows 2026" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/staff/cycles/open-web-2026");
  await expectAccessible(page);
});
