import { sql } from "kysely";
import { createOpenCycle } from "../support/cycles";
import { createReviewFixture } from "../support/review";
import { expect, signIn, test, fixtureConfig } from "./support/fixtures";

// Issue 9: staff forms do exactly what the person meant, with JavaScript on and off.
const config = fixtureConfig;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`staff forms with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("decisions: a mark applies to the boxes ticked now; the release is previewed, held and cancellable", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      const fixture = await createReviewFixture(db, config, { applicants: 3, reviewers: 0, k: 1, rubric: false });
      const [a, b, c] = [fixture.applicants[0]!, fixture.applicants[1]!, fixture.applicants[2]!];
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      await signIn(page, staff);
      await page.goto(`/staff/cycles/${fixture.cycle.slug}/decisions`);
      const select = (name: string) => page.getByRole("checkbox", { name: `Select ${name}` });
      const row = (name: string) => page.getByRole("row").filter({ hasText: name });

      await select(a.name).check();
      await select(b.name).check();
      await page.getByRole("button", { name: "Mark as finalists" }).click();
      await expect(page.getByRole("status")).toContainText("2 applications marked");
      // The page shows what the server holds: nothing is ticked any more.
      await expect(select(a.name)).not.toBeChecked();
      await expect(select(b.name)).not.toBeChecked();
      await select(c.name).check();
      await page.getByRole("button", { name: "Mark as not selected" }).click();
      await expect(page.getByRole("status")).toContainText("1 application marked");
      await expect(row(a.name)).toContainText("Finalist (pending)");
      await expect(row(b.name)).toContainText("Finalist (pending)");
      await expect(row(c.name)).toContainText("Not selected (pending)");

      // Before releasing, the page says who receives which email.
      const preview = page.getByRole("region", { name: "What the release sends" });
      const finalistEmail = preview.getByRole("group", { name: /“You are a finalist for/ });
      await expect(finalistEmail).toContainText("2 recipients");
      await expect(finalistEmail).toContainText(a.name);
      await expect(finalistEmail).toContainText(b.name);
      const notSelectedEmail = preview.getByRole("group", { name: /“Your application to/ });
      await expect(notSelectedEmail).toContainText("1 recipient");
      await expect(notSelectedEmail).toContainText(c.name);
      await expect(notSelectedEmail).not.toContainText(a.name);
      await expectAccessible(page);

      await page.getByRole("checkbox", { name: "I have checked the decisions and want to send them" }).check();
      await page.getByRole("button", { name: "Release 3 decisions" }).click();
      await expect(page.getByRole("status")).toContainText(/3 decisions are sending at \d{2}:\d{2}/);
      await expect(page.getByRole("heading", { name: /^Sending at \d{2}:\d{2}/ })).toBeVisible();
      await expectAccessible(page);
      // The emails wait in the outbox until then; the applications keep their status meanwhile.
      const held = await db
        .selectFrom("emailOutbox")
        .select(["status", sql<boolean>`next_attempt_at > now() + interval '9 minutes'`.as("later")])
        .where("recipient", "in", [a.email, b.email, c.email])
        .where("template", "=", "decision")
        .execute();
      expect(held).toHaveLength(3);
      expect(held.every((email) => email.status === "pending" && email.later)).toBe(true);

      await page.getByRole("button", { name: "Cancel the release" }).click();
      await expect(page.getByRole("status")).toContainText("Release cancelled: no email was sent");
      await expect(row(c.name)).toContainText("Not selected (pending)");
      const left = await db
        .selectFrom("emailOutbox")
        .select("id")
        .where("recipient", "in", [a.email, b.email, c.email])
        .where("template", "=", "decision")
        .execute();
      expect(left).toEqual([]);
      const statuses = await db
        .selectFrom("applications")
        .select(["status", "pendingDecision"])
        .where("cycleId", "=", fixture.cycle.id)
        .execute();
      expect(statuses.every((application) => application.status === "in_review")).toBe(true);
      expect(statuses.map((application) => application.pendingDecision).sort()).toEqual([
        "finalist",
        "finalist",
        "not_selected",
      ]);
    });

    test("decisions: marks all on a filter after confirming the count", async ({
      page,
      db,
      createAccount,
      expectAccessible,
    }) => {
      const fixture = await createReviewFixture(db, config, { applicants: 3, reviewers: 0, k: 1, rubric: false });
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      await signIn(page, staff);
      await page.goto(`/staff/cycles/${fixture.cycle.slug}/decisions`);
      await page.getByLabel("Show").selectOption("undecided");
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await expect(page.getByText("3 applications on this filter, 3 of them can be marked.")).toBeVisible();
      await page.getByLabel("Mark all 3 on this filter as").selectOption("waitlisted");
      await page.getByRole("button", { name: "Review before marking" }).click();
      const confirm = page.getByRole("form", { name: "Confirm" });
      await expect(confirm).toContainText("Mark all 3 applications on this filter as waitlisted?");
      await expectAccessible(page);
      await confirm.getByRole("button", { name: "Mark all 3" }).click();
      await expect(page.getByRole("status")).toContainText("3 applications of the 3 on the filter marked");
      // Back on the same filter, which now matches nobody: every application is marked.
      await expect(page.getByText("0 applications on this filter")).toBeVisible();
      const marks = await db
        .selectFrom("applications")
        .select("pendingDecision")
        .where("cycleId", "=", fixture.cycle.id)
        .execute();
      expect(marks.map((row) => row.pendingDecision)).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
    });

    test("question builder: the add form starts afresh after each added question", async ({
      page,
      db,
      createAccount,
    }) => {
      const staff = await createAccount({ name: "Rosa Staff", staff: true });
      const cycle = await createOpenCycle(db, staff.id);
      await signIn(page, staff);
      await page.goto(`/staff/cycles/${cycle.slug}/questions`);
      const add = page.getByRole("region", { name: "Add a question" });
      await add.getByLabel("Step (section) it appears on").fill("Extra");
      await add.getByLabel("Question", { exact: true }).fill("Your pronouns");
      await add.getByLabel("Kind of answer").selectOption("single_choice");
      await add.getByLabel("Options (choices, one per line)").fill("she/her\nhe/him\nthey/them");
      await add.getByLabel("Required").check();
      await add.getByLabel(/^Identifying/).check();
      await add.getByRole("button", { name: "Add question" }).click();
      await expect(page.getByRole("status")).toContainText("Question added.");
      await expect(page.getByRole("heading", { name: "Your pronouns" })).toBeVisible();

      await expect(add.getByLabel("Question", { exact: true })).toHaveValue("");
      await expect(add.getByLabel("Options (choices, one per line)")).toHaveValue("");
      await expect(add.getByLabel("Kind of answer")).toHaveValue("long_text");
      await expect(add.getByLabel("Required")).not.toBeChecked();
      await expect(add.getByLabel(/^Identifying/)).not.toBeChecked();

      await add.getByLabel("Question", { exact: true }).fill("What would you make open?");
      await add.getByRole("button", { name: "Add question" }).click();
      await expect(page.getByRole("heading", { name: "What would you make open?" })).toBeVisible();
      const second = await db
        .selectFrom("cycleQuestions")
        .select(["identifying", "required", "kind"])
        .where("cycleId", "=", cycle.id)
        .where("label", "=", "What would you make open?")
        .executeTakeFirstOrThrow();
      expect(second).toEqual({ identifying: false, required: false, kind: "long_text" });
    });
  });
}
