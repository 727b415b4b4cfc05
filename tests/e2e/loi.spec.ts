import { tinyPdf } from "#db/seed/pdf";
import { expect, passEligibility, signIn, test, uniqueEmail } from "./support/fixtures";

// Issue 14's "done when", on the demo's two-stage cycle: a visitor passes the screen, writes and
// submits a letter of intent, staff invite them, the invitation arrives over SMTP, the full
// application opens with the letter's answers in place, is submitted, and references arrive —
// with JavaScript on and off.
const CYCLE = "research-residencies-2027";
const NAME = "Open Web Research Residencies 2027";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("screen, letter of intent, invitation, full application, references received", async ({
      page,
      mailbox,
      createAccount,
      expectAccessible,
    }) => {
      // Four actors, a dozen pages and two emailed links on two loaded cores.
      test.setTimeout(300_000);
      const applicant = await createAccount({ name: `Nadia Haddad ${javaScriptEnabled ? "On" : "Off"}` });
      const staff = await createAccount({ staff: true });

      await signIn(page, applicant);
      await page.goto(`/cycles/${CYCLE}`);
      await page.getByRole("link", { name: "Apply now" }).click();
      await expect(page.getByRole("heading", { name: "Can you apply?" })).toBeVisible();
      await passEligibility(page, CYCLE);
      await expect(page.getByRole("heading", { name: `Your letter of intent to ${NAME}` })).toBeVisible();
      await expect(page.getByText("This cycle has two stages.")).toBeVisible();
      await expectAccessible(page);

      // The letter asks its three questions only.
      await page.getByRole("link", { name: "Start" }).click();
      await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
      await expect(page.getByLabel("Country and city where you live")).toHaveCount(0);
      await page.getByRole("radio", { name: "Science" }).check();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save and go to the next step" }).click();
      await expect(page.getByRole("heading", { name: "Your work" })).toBeVisible();
      await expect(page.getByLabel("Something you built, researched or organized")).toHaveCount(0);
      await page
        .getByLabel("Why is the open web important to you?")
        .fill("Libraries taught me to read; the open web taught me to ask.");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByRole("heading", { name: "About you (optional)" })).toBeVisible();
      await page.getByRole("button", { name: "Save and review" }).click();
      await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
      await expect(page.getByText("Still to answer")).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Submit my letter of intent" }).click();
      await expect(page.getByRole("heading", { name: "Your applications" })).toBeVisible();
      await expect(page.getByRole("status")).toContainText("Your letter of intent is submitted");

      // Staff invite this letter (and only it) to the full application.
      await signIn(page, staff);
      await page.goto(`/staff/cycles/${CYCLE}/letters`);
      await expect(page.getByRole("heading", { name: `Letters of intent for ${NAME}` })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("checkbox", { name: `Select ${applicant.name}` }).check();
      await page.getByRole("button", { name: "Invite to the full application" }).click();
      await expect(page.getByRole("status")).toContainText("Invited 1 applicant to the full application");
      await expect(page.getByRole("row", { name: new RegExp(applicant.name) })).toContainText("Invited");

      const invitation = await mailbox.waitFor(applicant.email, `You are invited to the full application for ${NAME}`);
      const applyLink = new RegExp(`/apply/${CYCLE}\\b`).exec(invitation.text);
      expect(applyLink).not.toBeNull();

      // The full application opens with the letter's answers in place.
      await signIn(page, applicant);
      await page.goto(applyLink![0]);
      await expect(page.getByRole("heading", { name: `Your application to ${NAME}` })).toBeVisible();
      await expect(page.getByText("Your letter of intent was invited")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Continue" }).click();
      await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
      await expect(page.getByRole("radio", { name: "Science" })).toBeChecked();
      await page.getByLabel("Country and city where you live").fill("Beirut, Lebanon");
      await page.getByRole("radio", { name: "Remote only" }).check();
      await page.getByRole("button", { name: "Save and go to the next step" }).click();
      await expect(page.getByRole("heading", { name: "Your work" })).toBeVisible();
      await expect(page.getByLabel("Why is the open web important to you?")).toHaveValue(
        "Libraries taught me to read; the open web taught me to ask.",
      );
      await page.getByLabel("Something you built, researched or organized").fill("A neighbourhood wiki of repairs.");
      await page.getByRole("button", { name: "Save and go to the next step" }).click();
      await expect(page.getByRole("heading", { name: "Fit with a host" })).toBeVisible();
      await page.getByLabel("Which issues and kind of host fit you").fill("Community archives, with a library lab.");
      await page.getByLabel("How will you work in the open").fill("Monthly open notes.");
      await page.getByLabel("Other commitments during the ten months").fill("None.");
      await page.getByRole("button", { name: "Save and go to the next step" }).click();
      await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
      await page
        .getByLabel("Your CV (PDF)")
        .setInputFiles({ name: "nadia-cv.pdf", mimeType: "application/pdf", buffer: tinyPdf("Nadia Haddad CV") });
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByRole("heading", { name: "About you (optional)" })).toBeVisible();
      await page.getByRole("button", { name: "Save and review" }).click();
      await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
      await expect(page.getByText("Still to answer")).toHaveCount(0);
      await page.getByRole("button", { name: "Submit my application" }).click();
      await expect(page.getByRole("status")).toContainText("Your application is submitted");
      await expect(page.getByText("Status: Submitted")).toBeVisible();

      // Two referees, as the cycle asks; each writes over their own emailed link.
      const referees = [
        { name: "Samir Khoury", email: uniqueEmail("referee"), relationship: "Head librarian where I volunteer" },
        { name: "Lea Fischer", email: uniqueEmail("referee"), relationship: "Co-maintainer of the wiki" },
      ];
      await page.goto(`/apply/${CYCLE}/references`);
      await expect(page.getByRole("heading", { name: "References" })).toBeVisible();
      const naming = page.getByRole("region", { name: "Name a referee" });
      for (const referee of referees) {
        await naming.getByLabel("Referee's name").fill(referee.name);
        await naming.getByLabel("Referee's email").fill(referee.email);
        await naming.getByLabel("How they know you").fill(referee.relationship);
        await naming.getByRole("button", { name: "Ask for a reference" }).click();
        await expect(page.getByRole("status")).toContainText(`We emailed ${referee.name}`);
      }
      const links = [];
      for (const referee of referees) {
        const email = await mailbox.waitFor(referee.email, `A reference for ${applicant.name}`);
        links.push(/\/references\/[A-Za-z0-9_-]+/.exec(email.text)![0]);
      }
      await page.context().clearCookies();
      await page.goto(links[0]!);
      await expect(page.getByRole("heading", { name: `A reference for ${applicant.name}` })).toBeVisible();
      await expectAccessible(page);
      // The cycle's own referee questions, one of them required: a letter alone is not enough here.
      const role = page.getByLabel("In what role, and for how long, have you known the applicant? (required)");
      const research = page.getByLabel("What research would the applicant do well, and why?");
      await expect(research).toBeVisible();
      await expect(page.getByLabel("What would the applicant bring to this fellowship?")).toHaveCount(0);
      const letter = {
        name: "reference.pdf",
        mimeType: "application/pdf",
        buffer: tinyPdf("Nadia is generous with what she knows."),
      };
      await page.getByLabel("Letter (PDF, at most 10 MB)").setInputFiles(letter);
      await page.getByRole("button", { name: "Send the reference" }).click();
      await expect(page.getByText("Answer this question")).toBeVisible();
      await expect(role).toHaveAttribute("aria-invalid", "true");
      await page.getByLabel("Letter (PDF, at most 10 MB)").setInputFiles(letter);
      await role.fill("Her supervisor at the library for three years.");
      await page.getByRole("button", { name: "Send the reference" }).click();
      await expect(page.getByRole("status")).toContainText(`Your reference for ${applicant.name} was received`);
      await page.goto(links[1]!);
      await role.fill("Co-maintainer since 2023.");
      await research.fill("Patience and rigour.");
      await page.getByRole("button", { name: "Send the reference" }).click();
      await expect(page.getByRole("status")).toContainText(`Your reference for ${applicant.name} was received`);

      await signIn(page, applicant);
      await page.goto("/me/applications");
      const card = page.getByRole("region", { name: NAME });
      await expect(card).toContainText("Samir Khoury: received");
      await expect(card).toContainText("Lea Fischer: received");
      await expect(card).toContainText("Nothing is missing.");
      await expect(card.getByText("Patience and rigour.")).toHaveCount(0);
      await expectAccessible(page);

      // Staff read what the cycle asks referees, and each letter with its answers.
      await signIn(page, staff);
      await page.goto(`/staff/cycles/${CYCLE}/referee-questions`);
      await expect(page.getByRole("heading", { name: `Referee questions of ${NAME}` })).toBeVisible();
      await expect(page.getByRole("list", { name: "Questions for referees" })).toContainText(
        "What research would the applicant do well, and why?",
      );
      await expectAccessible(page);
    });
  });
}
