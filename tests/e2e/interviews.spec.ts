import { DEMO_PASSWORD } from "#db/seed/accounts";
import { hashPassword } from "~/auth/password.server";
import { parseCalendar } from "../support/ical";
import { addSlot } from "../support/interviews";
import { createMatchingFixture } from "../support/matching";
import type { ReceivedEmail } from "../support/smtp";
import { expect, signIn, test, fixtureConfig } from "./support/fixtures";

const config = fixtureConfig;
const PASSWORD = "a password for the browser test";
const FINALIST = "adaeze.nwosu@applicants.demo.test";
const FELLOW = "ines.carvalho@applicants.demo.test";

/** A demo account (they share one password), or a test's own. */
const as = (email: string, password = DEMO_PASSWORD) => ({ email, password });

function calendarIn(email: ReceivedEmail) {
  const file = email.attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"));
  expect(file, `a calendar file in "${email.subject}"`).toBeTruthy();
  return parseCalendar(file!.content);
}

test("on the demo, a finalist books an interview and both sides get calendar invitations", async ({
  page,
  db,
  mailbox,
  expectAccessible,
}) => {
  test.slow();
  await signIn(page, as(FINALIST));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Interviews" }).click();
  await expect(page.getByRole("heading", { name: "Your interviews" })).toBeVisible();
  await expectAccessible(page);
  const datos = page.getByRole("region", { name: /Fundación Datos Libres/ });
  await datos.getByRole("radio").first().check();
  await datos.getByRole("button", { name: /Book this time/ }).click();
  await expect(page.getByRole("status")).toContainText("Your interview is booked");
  await expect(datos.getByText("Your interview:")).toBeVisible();
  // Times are in the finalist's own zone (Lagos, an hour ahead of UTC).
  await expect(datos.getByText(/GMT\+1/).first()).toBeVisible();

  const mine = await mailbox.waitFor(FINALIST, "Interview booked");
  const invitation = calendarIn(mine);
  expect(invitation.method).toBe("REQUEST");
  expect(invitation.events[0]!.summary).toContain("Adaeze Nwosu");
  const host = await mailbox.waitFor("partner@demo.test", "Interview booked: Adaeze Nwosu");
  expect(calendarIn(host).events[0]!.uid).toBe(invitation.events[0]!.uid);

  // The host sees the booking on the schedule, in the host's own time zone.
  await signIn(page, as("partner@demo.test"));
  const position = await db
    .selectFrom("positions")
    .innerJoin("cycles", "cycles.id", "positions.cycleId")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .select("positions.id")
    .where("cycles.slug", "=", "open-web-2025")
    .where("organizations.slug", "=", "datos-libres")
    .executeTakeFirstOrThrow();
  await page.goto(`/partner/positions/${position.id}`);
  await page.getByRole("link", { name: /Interviews: times, bookings/ }).click();
  await expect(page.getByRole("heading", { name: "Interviews" })).toBeVisible();
  await expect(page.getByText("Booked: Adaeze Nwosu")).toBeVisible();
  await expect(page.getByText("America/Bogota")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a finalist books, moves and cancels without JavaScript; the host's calendar follows", async ({
    page,
    db,
    createAccount,
    mailbox,
    expectAccessible,
  }) => {
    test.slow();
    const partner = await createAccount({ name: "Scheduling Host" });
    const fixture = await createMatchingFixture(db, config, { finalists: 1, seats: [1], partnerIds: [partner.id] });
    const finalist = fixture.finalists[0]!;
    await db
      .updateTable("users")
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where("id", "=", finalist.id)
      .execute();
    await addSlot(db, fixture.positions[0]!.id, { hours: 48 });
    await addSlot(db, fixture.positions[0]!.id, { hours: 96 });

    await signIn(page, as(finalist.email, PASSWORD));
    await page.goto("/me/interviews");
    await expectAccessible(page);
    const card = page.getByRole("region", { name: /Position 1/ });
    await card.getByRole("button", { name: /Book this time/ }).click();
    // The browser's own check stops an empty choice; the server would refuse it too.
    await expect(page.getByRole("status")).toHaveCount(0);
    await card.getByRole("radio").first().check();
    await card.getByRole("button", { name: /Book this time/ }).click();
    await expect(page.getByRole("status")).toContainText("Your interview is booked");
    await card.getByRole("radio").first().check();
    await card.getByRole("button", { name: /Move my interview/ }).click();
    await expect(page.getByRole("status")).toContainText("Your interview is moved");
    await card.getByRole("button", { name: /Cancel this interview/ }).click();
    await expect(page.getByRole("status")).toContainText("Your interview is cancelled");
    await expectAccessible(page);

    const booked = calendarIn(await mailbox.waitFor(partner.email, "Interview booked"));
    const moved = calendarIn(await mailbox.waitFor(partner.email, "Interview moved"));
    const cancelled = calendarIn(await mailbox.waitFor(partner.email, "Interview cancelled"));
    expect([booked, moved, cancelled].map((c) => c.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect([booked, moved, cancelled].map((c) => c.events[0]!.sequence)).toEqual([0, 1, 2]);
    expect(new Set([booked, moved, cancelled].map((c) => c.events[0]!.uid)).size).toBe(1);
    expect(moved.events[0]!.start.getTime()).toBeGreaterThan(booked.events[0]!.start.getTime());
  });
});

test("on the demo, a fellow submits a check-in that the host and staff read", async ({
  page,
  mailbox,
  expectAccessible,
}) => {
  // Three people sign in and four pages are checked with axe: more than 30 s on two loaded cores.
  test.slow();
  await signIn(page, as(FELLOW));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fellowship" }).click();
  await expect(page.getByRole("heading", { name: "Your fellowship" })).toBeVisible();
  await expectAccessible(page);
  const due = page.getByRole("row").filter({ hasText: /Due/ }).filter({ hasText: "Monthly check-in" });
  await due.getByRole("link", { name: "Monthly check-in" }).click();
  await expect(page.getByRole("heading", { name: "Monthly check-in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit the report" }).click();
  await expect(page.getByText("This question needs an answer").first()).toBeVisible();
  await page
    .getByLabel(/What did you work on this month/)
    .fill("Shipped the open data portal and trained two newsrooms.");
  await page.getByRole("button", { name: "Submit the report" }).click();
  await expect(page.getByRole("status")).toContainText("is submitted");
  await mailbox.waitFor("partner@demo.test", "Inês Carvalho sent their Monthly check-in");

  await signIn(page, as("partner@demo.test"));
  await page.goto("/partner/fellows");
  await page.getByRole("link", { name: "Inês Carvalho" }).click();
  await expect(page.getByText("Shipped the open data portal and trained two newsrooms.")).toBeVisible();
  await expectAccessible(page);

  await signIn(page, as("staff@demo.test"));
  await page.goto("/staff/fellowships?cohort=2025");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Inês Carvalho" }).click();
  await expect(page.getByText("Shipped the open data portal and trained two newsrooms.")).toBeVisible();
  const report = page.getByRole("article").filter({ hasText: "Shipped the open data portal" });
  await report.getByLabel("Your comment for the fellow").fill("Wonderful progress — let's share it with the cohort.");
  await report.getByRole("button", { name: /Add the comment/ }).click();
  await expect(page.getByRole("status")).toContainText("Comment added");
  const comment = await mailbox.waitFor(FELLOW, "commented on your Monthly check-in");
  expect(comment.text).toContain("Wonderful progress");
});
