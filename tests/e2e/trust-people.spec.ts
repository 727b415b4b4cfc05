import { proposeAssignment } from "~/campaigns/assignments.server";
import { createCampaign } from "~/campaigns/campaigns.server";
import { createOpenCycle, submitTestApplication } from "../support/cycles";
import { releaseDecisionsNow } from "../support/decisions";
import { createMatchingFixture } from "../support/matching";
import { createAlly } from "../support/network";
import { expect, passEligibility, signIn, test, fixtureConfig } from "./support/fixtures";

// Issue 9: what applicants, hosts and allies do is what they meant, with JavaScript on and off.
const config = fixtureConfig;
const DEMO_CYCLE = "open-web-2027";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a sent message leaves the contact form empty; a saved rank list is shown in rank order", async ({
      page,
      db,
      createAccount,
    }) => {
      const partner = await createAccount({ name: "Petra Partner" });
      const fixture = await createMatchingFixture(db, config, { finalists: 2, seats: [1], partnerIds: [partner.id] });
      const ally = await db
        .selectFrom("allyProfiles")
        .select("id")
        .where("visibility", "in", ["public", "network"])
        .where("withdrawnAt", "is", null)
        .orderBy("displayName")
        .executeTakeFirstOrThrow();
      await signIn(page, partner);

      await page.goto(`/directory/${ally.id}`);
      await page.getByLabel("Your message").fill(`Could you co-teach a workshop? (${partner.id.slice(0, 6)})`);
      await page.getByRole("button", { name: "Send the message" }).click();
      await expect(page.getByRole("status")).toContainText("Message sent");
      await expect(page.getByLabel("Your message")).toHaveValue("");

      await page.goto(`/partner/positions/${fixture.positions[0]!.id}`);
      const list = page.getByRole("form", { name: "Rank the finalists" });
      const [top, bottom] = await list.locator(".rank-label").allTextContents();
      await list.getByLabel(top!).fill("2");
      await list.getByLabel(bottom!).fill("1");
      await list.getByRole("button", { name: "Save the ranking" }).click();
      // Neither was interviewed: the host confirms each first, and the page keeps the order typed.
      await expect(page.getByRole("alert")).toContainText("You have no interview booked with");
      await expect(list.getByLabel(bottom!, { exact: true })).toHaveValue("1");
      await expect(list.getByLabel(top!, { exact: true })).toHaveValue("2");
      await list.getByLabel(`Rank ${top} without an interview`).check();
      await list.getByLabel(`Rank ${bottom} without an interview`).check();
      await list.getByRole("button", { name: "Save the ranking" }).click();
      await expect(page.getByRole("status")).toContainText("Ranking saved");
      await expect(list.locator(".rank-label")).toHaveText([bottom!, top!]);
      await expect(list.getByLabel(bottom!, { exact: true })).toHaveValue("1");
      await expect(list.getByLabel(top!, { exact: true })).toHaveValue("2");
      await expect(list.getByRole("checkbox")).toHaveCount(0);
    });

    test("a step keeps every valid answer when one is wrong, and leaving it by a step link saves it", async ({
      page,
      db,
      createAccount,
    }) => {
      const account = await createAccount({ name: "Amara Applicant" });
      await signIn(page, account);
      await passEligibility(page, DEMO_CYCLE);
      await page.goto(`/apply/${DEMO_CYCLE}/2`);
      const essay = page.getByLabel("Why is the open web important to you?");
      const link = page.getByLabel("A link to your work");
      const storedAnswers = async () => {
        const row = await db
          .selectFrom("applications")
          .innerJoin("cycles", "cycles.id", "applications.cycleId")
          .select("applications.answers")
          .where("applications.applicantId", "=", account.id)
          .where("cycles.slug", "=", DEMO_CYCLE)
          .executeTakeFirst();
        return Object.values(row?.answers ?? {});
      };
      await essay.fill("Because the people I work with learn and organise there.");
      await link.fill("my website");
      if (javaScriptEnabled) {
        // The background save stores what is valid and says what is not.
        await expect(page.getByText(/Draft saved at .*1 answer needs fixing/)).toBeVisible({ timeout: 10_000 });
        expect(await storedAnswers()).toContain("Because the people I work with learn and organise there.");
      }
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByText("Enter a web address starting with http:// or https://")).toBeVisible();
      await expect(link).toHaveValue("my website");
      await expect(essay).toHaveValue("Because the people I work with learn and organise there.");
      // One indicator, and it does not contradict itself: no "saved" without the exception.
      await expect(page.getByText(/1 answer needs fixing/)).toBeVisible();
      await expect(page.getByText(/^Saved at/)).toHaveCount(0);
      expect(await storedAnswers()).toContain("Because the people I work with learn and organise there.");
      expect(await storedAnswers()).not.toContain("my website");

      if (javaScriptEnabled) {
        // Leaving by another link with unsaved text asks first.
        await essay.pressSequentially(" Always.");
        let asked = "";
        page.once("dialog", (dialog) => {
          asked = dialog.message();
          void dialog.dismiss();
        });
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Directory" }).click();
        await expect.poll(() => asked).toContain("not saved");
        await expect(page).toHaveURL(new RegExp(`/apply/${DEMO_CYCLE}/2$`));
        await expect(essay).toHaveValue("Because the people I work with learn and organise there. Always.");
      }
      await link.fill("https://example.org/mesh");
      await page.getByRole("navigation", { name: "Application steps" }).getByRole("button", { name: /^3\./ }).click();
      await expect(page.getByRole("heading", { name: "Fit with a host" })).toBeVisible();
      expect(await storedAnswers()).toContain("https://example.org/mesh");
    });

    test("a withdrawal is confirmed by email and leaves the application read-only", async ({
      page,
      db,
      createAccount,
      mailbox,
      expectAccessible,
    }) => {
      const applicant = await createAccount({ name: "Kofi Withdraws" });
      const cycle = await createOpenCycle(db);
      await submitTestApplication(db, config, cycle, applicant.id);
      const cycleName = `Test cycle ${cycle.slug}`;
      await signIn(page, applicant);
      await page.goto("/me/applications");
      const card = page.getByRole("region", { name: cycleName });
      await card.getByRole("checkbox", { name: /I want to withdraw this application/ }).check();
      await card.getByRole("button", { name: /^Withdraw/ }).click();
      await expect(page.getByRole("status")).toContainText("Your application is withdrawn");
      await expect(card).toContainText("Status: Withdrawn");
      await expect(card.getByRole("button", { name: /^Withdraw/ })).toHaveCount(0);
      const email = await mailbox.waitFor(applicant.email, `You withdrew your application to ${cycleName}`);
      expect(email.text).toContain("/me/applications");

      await page.goto(`/apply/${cycle.slug}`);
      await expect(page.getByText("Status: Withdrawn")).toBeVisible();
      await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Review and submit" })).toHaveCount(0);
      await expectAccessible(page);
      await page.goto(`/apply/${cycle.slug}/1`);
      await expect(page.getByText("You withdrew this application")).toBeVisible();
      await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
      await expect(page.getByLabel("Country and city")).toBeDisabled();
      await page.goto(`/apply/${cycle.slug}/review`);
      await expect(page.getByRole("heading", { name: "Your answers" })).toBeVisible();
      await expect(page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    });

    test("showing a person publicly is their choice: nothing is ticked or widened for them", async ({
      page,
      db,
      createAccount,
      mailbox,
    }) => {
      const ally = await createAccount({ name: "Sol Storyteller" });
      const profile = await createAlly(db, { displayName: `Sol ${ally.id.slice(0, 6)}`, visibility: "staff" }, ally);
      const campaignIds = [];
      for (const label of ["link", "portal"]) {
        const slug = `optin-${label}-${ally.id.slice(0, 8)}`;
        const created = await createCampaign(db, ally.id, {
          name: `Campaign by ${label} ${slug}`,
          slug,
          summary: "",
          startsOn: "2027-01-01",
          endsOn: "2027-03-01",
          status: "active",
          languages: [],
          timezone: "UTC",
          version: undefined,
          intent: "save-campaign",
        });
        if (!created.ok) throw new Error(created.message);
        const campaign = await db
          .selectFrom("campaigns")
          .select("id")
          .where("slug", "=", slug)
          .executeTakeFirstOrThrow();
        await proposeAssignment(db, config, ally.id, { campaignId: campaign.id, profileId: profile.profileId });
        campaignIds.push(campaign.id);
      }
      const proposal = await mailbox.waitFor(ally.email, "Campaign by link");
      const reply = /(\/campaign-replies\/\S+\?answer=accept)/.exec(proposal.text)![1]!;
      await page.goto(reply);
      const showName = page.getByRole("checkbox", { name: /Show my name on the campaign's public page/ });
      await expect(showName).not.toBeChecked();
      await page.getByRole("button", { name: "Accept" }).click();
      await expect(page.getByRole("status")).toContainText("You joined");
      const answered = await db
        .selectFrom("campaignAssignments")
        .select(["status", "showPublicly"])
        .where("campaignId", "=", campaignIds[0]!)
        .executeTakeFirstOrThrow();
      expect(answered).toEqual({ status: "accepted", showPublicly: false });

      await signIn(page, ally);
      await page.goto("/me/campaigns");
      await expect(
        page.getByRole("checkbox", { name: /Show my name on the campaign's public page/ }),
      ).not.toBeChecked();

      const newcomer = await createAccount({ name: "Noor Newcomer" });
      await signIn(page, newcomer);
      await page.goto("/me/profile");
      await expect(page.getByRole("radio", { name: "Program staff only" })).toBeChecked();
      await expect(page.getByRole("radio", { name: /^Anyone/ })).not.toBeChecked();
    });
  });
}

test("the data export names each answer by its question and includes the self-described answers", async ({
  page,
  db,
  createAccount,
}) => {
  const applicant = await createAccount({ name: "Mei Exports" });
  const cycle = await createOpenCycle(db);
  const { applicationId } = await submitTestApplication(db, config, cycle, applicant.id);
  await db
    .insertInto("applicationDemographics")
    .values({ applicationId, cycleId: cycle.id, region: "Asia", gender: "Woman" })
    .execute();
  await signIn(page, applicant);
  await page.goto("/me/account");
  const href = await page.getByRole("link", { name: "Download all your data" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const data = await response.json();
  const application = data.applications.find((item: { id: string }) => item.id === applicationId);
  expect(application.answers).toContainEqual({
    question: "Why is the open web important to you?",
    answer: "Because knowledge should be free for everyone to reach.",
  });
  expect(JSON.stringify(application.answers)).not.toContain(cycle.questions[0]!.id);
  expect(application.demographics).toMatchObject({
    "Where are you based?": "Asia",
    "How do you describe your gender?": "Woman",
  });
});

test("receipt and decision emails carry a button and a plain link, and say why they were sent", async ({
  db,
  createAccount,
  mailbox,
}) => {
  const applicant = await createAccount({ name: "Ravi Receives" });
  const cycle = await createOpenCycle(db);
  await submitTestApplication(db, config, cycle, applicant.id);
  const receipt = await mailbox.waitFor(applicant.email, "We received your application");
  expect(receipt.html).toMatch(/<a href="[^"]*\/me\/applications"[^>]*data-skip-in-text="true"/);
  expect(receipt.text).toMatch(/https?:\/\/\S+\/me\/applications/);
  expect(receipt.text).toContain("You received this email because you applied to");
  expect(receipt.text).toContain("reply to this email");

  await releaseDecisionsNow(db, config, cycle.id, applicant.id, "not_selected");
  const decision = await mailbox.waitFor(applicant.email, "Your application to");
  expect(decision.html).toMatch(/<a [^>]*href="[^"]*\/me\/applications"/);
  expect(decision.text).toMatch(/https?:\/\/\S+\/me\/applications/);
  expect(decision.text).not.toContain("If it was not you");
  expect(decision.text).toContain("You received this email because you applied to");
});
