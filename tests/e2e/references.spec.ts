import { tinyPdf } from "#db/seed/pdf";
import { createReviewFixture } from "../support/review";
import { expect, signIn, test, uniqueEmail, fixtureConfig } from "./support/fixtures";

// Issue 14: the applicant names a referee, the referee writes over the emailed link (received over
// SMTP), the applicant sees "received", and a reviewer reads the letter — with JavaScript on and off.
const config = fixtureConfig;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a reference travels from the applicant to the referee to the reviewer", async ({
      page,
      db,
      mailbox,
      createAccount,
      expectAccessible,
    }) => {
      // Three actors and a file upload in one story, on two loaded cores: more than the slow budget.
      test.setTimeout(180_000);
      const fixture = await createReviewFixture(db, config, { applicants: 1, reviewers: 0, k: 1 });
      const applicationId = fixture.applicants[0]!.applicationId;
      await db
        .updateTable("cycles")
        .set({ referencesMin: 1, referencesMax: 2, referenceDeadline: new Date(Date.now() + 20 * 86_400_000) })
        .where("id", "=", fixture.cycle.id)
        .execute();
      const applicant = await createAccount({ name: "Amara Okafor" });
      await db.updateTable("applications").set({ applicantId: applicant.id }).where("id", "=", applicationId).execute();
      const reviewer = await createAccount({ name: "Letter Reviewer" });
      await db
        .insertInto("cycleReviewers")
        .values({ cycleId: fixture.cycle.id, userId: reviewer.id, capacity: 3, expertise: "[]" })
        .execute();
      const assignment = await db
        .insertInto("reviewAssignments")
        .values({ cycleId: fixture.cycle.id, roundId: fixture.round.id, applicationId, reviewerId: reviewer.id })
        .returning("id")
        .executeTakeFirstOrThrow();

      await signIn(page, applicant);
      await page.goto(`/apply/${fixture.cycle.slug}/references`);
      await expect(page.getByRole("heading", { name: "References" })).toBeVisible();
      const referee = uniqueEmail("referee");
      // Naming oneself is refused with a field message.
      await page.getByLabel("Referee's name").fill("Amara Okafor");
      await page.getByLabel("Referee's email").fill(applicant.email);
      await page.getByLabel("How they know you").fill("Myself");
      await page.getByRole("button", { name: "Ask for a reference" }).click();
      await expect(page.getByText("Name someone other than yourself")).toBeVisible();
      await page.getByLabel("Referee's name").fill("Grace Mensah");
      await page.getByLabel("Referee's email").fill(referee);
      await page.getByLabel("How they know you").fill("My manager at the library");
      await page.getByRole("button", { name: "Ask for a reference" }).click();
      await expect(page.getByRole("status")).toContainText("We emailed Grace Mensah");
      await expect(page.getByRole("list", { name: "Your referees" })).toContainText("Requested");
      await expectAccessible(page);

      const email = await mailbox.waitFor(referee, "A reference for Amara Okafor");
      const link = /\/references\/[A-Za-z0-9_-]+/.exec(email.text)![0];
      await page.context().clearCookies();
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "A reference for Amara Okafor" })).toBeVisible();
      await expectAccessible(page);
      // Not a PDF by its bytes: a field error, nothing taken.
      await page
        .getByLabel("Letter (PDF, at most 10 MB)")
        .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") });
      await page.getByRole("button", { name: "Send the reference" }).click();
      await expect(page.getByText("Upload a PDF document")).toBeVisible();
      await page.getByLabel("Letter (PDF, at most 10 MB)").setInputFiles({
        name: "Amara Okafor reference.pdf",
        mimeType: "application/pdf",
        buffer: tinyPdf("Amara is careful and kind."),
      });
      await page.getByLabel("What would the applicant bring to this fellowship?").fill("Care with every patron.");
      await page.getByRole("button", { name: "Send the reference" }).click();
      await expect(page.getByRole("status")).toContainText("Your reference for Amara Okafor was received");
      // The link works once.
      const used = await page.goto(link);
      expect(used?.status()).toBe(410);
      await expect(page.getByText("This reference has already been received.")).toBeVisible();

      await signIn(page, applicant);
      await page.goto(`/apply/${fixture.cycle.slug}/references`);
      await expect(page.getByRole("list", { name: "Your referees" })).toContainText("Received");
      await expect(page.getByText("Care with every patron.")).toHaveCount(0);

      await signIn(page, reviewer);
      await page.goto(`/review/${assignment.id}`);
      const letters = page.getByRole("region", { name: "Reference letters" });
      await expect(letters).toContainText("Care with every patron.");
      const download = letters.getByRole("link", { name: /\.pdf$/ });
      const response = await page.request.get((await download.getAttribute("href"))!);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The section's HTML is the same either way; axe without JavaScript needs a fresh context each time.
      if (javaScriptEnabled) await expectAccessible(page);
    });
  });
}
