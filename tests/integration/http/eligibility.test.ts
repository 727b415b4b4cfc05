import { beforeAll, expect, it } from "vitest";
import { addEligibilityQuestion } from "~/eligibility/eligibility.server";
import { addQuestion, listQuestions, moveQuestion } from "~/cycles/questions.server";
import { createOpenCycle, type TestCycle } from "../../support/cycles";
import { cookieHeader } from "../../support/http";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

describeServer("the eligibility screen and conditional questions over HTTP", (t) => {
  let cycle: TestCycle;
  let staff: TestUser;
  let residency: string;
  let commitment: string;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, staff.id);
    await addEligibilityQuestion(t.server.db, staff.id, cycle.id, {
      label: "Can you commit ten months, full time?",
      help: "",
      options: ["Yes", "No"],
      qualifying: ["Yes"],
      reason: "The fellowship is a full-time, ten-month commitment.",
    });
    await addEligibilityQuestion(t.server.db, staff.id, cycle.id, {
      label: "Are you at least 18 years old?",
      help: "",
      options: ["Yes", "No"],
      qualifying: ["Yes"],
      reason: "Fellows must be adults when the fellowship starts.",
    });
    const rows = await t.server.db
      .selectFrom("eligibilityQuestions")
      .select(["id", "label"])
      .where("cycleId", "=", cycle.id)
      .orderBy("position")
      .execute();
    commitment = rows[0]!.id;
    residency = rows[1]!.id;
    // "About you" gets a question shown only for the Tech Policy track, on the same step as the track.
    const track = cycle.questions.find((question) => question.label === "Track")!;
    const added = await addQuestion(t.server.db, staff.id, cycle.id, {
      section: "About you",
      kind: "short_text",
      label: "Which law would you change?",
      help: "",
      required: true,
      identifying: false,
      options: [],
      conditionQuestionId: track.id,
      conditionOperator: "equals",
      conditionValues: ["Tech Policy"],
    });
    expect(added.ok).toBe(true);
    const all = await listQuestions(t.server.db, cycle.id);
    const law = all.find((question) => question.label === "Which law would you change?")!;
    // Added last (after "Documents"): moved up to the end of "About you".
    for (let index = all.indexOf(law); index > 2; index--)
      expect(await moveQuestion(t.server.db, cycle.id, law.id, "up")).toEqual({ ok: true });
    cycle.questions = await listQuestions(t.server.db, cycle.id);
  });

  const counts = async () =>
    Object.fromEntries(
      (
        await t.server.db
          .selectFrom("eligibilityScreenouts")
          .select(["questionId", "count"])
          .where("cycleId", "=", cycle.id)
          .execute()
      ).map((row) => [row.questionId, row.count]),
    );

  it("sends someone without an application to the screen before any draft exists", async () => {
    const user = await createUser(t.server);
    const form = await get(t.server, `/apply/${cycle.slug}/1`, { cookie: user.cookie });
    expect(form.status).toBe(302);
    expect(form.headers.get("Location")).toBe(`/cycles/${cycle.slug}/eligibility`);
    const save = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0" },
      { cookie: user.cookie },
    );
    expect(save.status).toBe(302);
    expect(save.headers.get("Location")).toBe(`/cycles/${cycle.slug}/eligibility`);
    const drafts = await t.server.db
      .selectFrom("applications")
      .select("id")
      .where("applicantId", "=", user.id)
      .execute();
    expect(drafts).toEqual([]);
    const cyclePage = await pageText(await get(t.server, `/cycles/${cycle.slug}`, { cookie: user.cookie }));
    expect(cyclePage).toContain(`href="/cycles/${cycle.slug}/eligibility"`);
  });

  it("asks for every answer (400, on the field) and refuses an answer that is not an option", async () => {
    const missing = await post(t.server, `/cycles/${cycle.slug}/eligibility`, { [`e_${commitment}`]: "Yes" });
    expect(missing.status).toBe(400);
    const html = await pageText(missing);
    expect(html).toContain(`id="e_${residency}-error"`);
    expect(html).toContain("Choose an answer");
    const madeUp = await post(t.server, `/cycles/${cycle.slug}/eligibility`, {
      [`e_${commitment}`]: "Perhaps",
      [`e_${residency}`]: "Yes",
    });
    expect(madeUp.status).toBe(400);
    expect(await pageText(madeUp)).toContain("Choose one of the options");
  });

  it("tells a visitor who does not qualify why, counts them once by reason and keeps nothing else; a changed answer passes", async () => {
    const before = await counts();
    const fail = await post(t.server, `/cycles/${cycle.slug}/eligibility`, {
      [`e_${commitment}`]: "No",
      [`e_${residency}`]: "Yes",
    });
    expect(fail.status).toBe(200);
    const html = await pageText(fail);
    expect(html).toContain("this program cannot take your application");
    expect(html).toContain("The fellowship is a full-time, ten-month commitment.");
    expect(html).not.toContain("Fellows must be adults");
    const screenCookie = cookieHeader(fail.headers.get("Set-Cookie")!);
    expect(await counts()).toEqual({ ...before, [commitment]: (before[commitment] ?? 0) + 1 });

    // The same visitor trying the same wrong answer again is not counted twice.
    const again = await post(
      t.server,
      `/cycles/${cycle.slug}/eligibility`,
      { [`e_${commitment}`]: "No", [`e_${residency}`]: "Yes" },
      { cookie: screenCookie },
    );
    expect(again.status).toBe(200);
    expect(await counts()).toEqual({ ...before, [commitment]: (before[commitment] ?? 0) + 1 });

    // They change the answer: on to the form, which now opens for them once signed in.
    const pass = await post(
      t.server,
      `/cycles/${cycle.slug}/eligibility`,
      { [`e_${commitment}`]: "Yes", [`e_${residency}`]: "Yes" },
      { cookie: screenCookie },
    );
    expect(pass.status).toBe(302);
    expect(pass.headers.get("Location")).toBe(`/apply/${cycle.slug}`);
    const passed = cookieHeader(pass.headers.get("Set-Cookie")!);
    const user = await createUser(t.server);
    const form = await get(t.server, `/apply/${cycle.slug}/1`, { cookie: `${user.cookie}; ${passed}` });
    expect(form.status).toBe(200);
    // A forged or altered cookie is not a pass.
    const forged = await get(t.server, `/apply/${cycle.slug}/1`, {
      cookie: `${user.cookie}; owf_eligibility=${Buffer.from(JSON.stringify({ passed: [cycle.id], counted: [] })).toString("base64")}`,
    });
    expect(forged.status).toBe(302);
  });

  it("stores a same-step conditional answer only when its condition holds (without JavaScript, one post)", async () => {
    const pass = await post(t.server, `/cycles/${cycle.slug}/eligibility`, {
      [`e_${commitment}`]: "Yes",
      [`e_${residency}`]: "Yes",
    });
    const user = await createUser(t.server);
    const cookie = `${user.cookie}; ${cookieHeader(pass.headers.get("Set-Cookie")!)}`;
    const byLabel = (label: string) => cycle.questions.find((question) => question.label === label)!.id;
    const [track, place, law] = [byLabel("Track"), byLabel("Country and city"), byLabel("Which law would you change?")];
    const page = await pageText(await get(t.server, `/apply/${cycle.slug}/1`, { cookie }));
    // Without JavaScript the question is on the page with the rule that decides it.
    expect(page).toContain("Which law would you change?");
    expect(page).toContain("Shown when the answer to “Track” is “Tech Policy”; otherwise leave it.");

    const science = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      {
        intent: "save",
        version: "0",
        [`q_${track}`]: "Science",
        [`q_${place}`]: "Lima",
        [`q_${law}`]: "x".repeat(400),
      },
      { cookie },
    );
    // Hidden: not checked (400 characters would be too long) and not stored.
    expect(science.status).toBe(302);
    let row = await t.server.db
      .selectFrom("applications")
      .select(["answers", "version"])
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.answers).toEqual({ [track]: "Science", [place]: "Lima" });

    const policy = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      {
        intent: "save",
        version: String(row.version),
        [`q_${track}`]: "Tech Policy",
        [`q_${place}`]: "Lima",
        [`q_${law}`]: "x".repeat(400),
      },
      { cookie },
    );
    // Shown: checked like any other answer.
    expect(policy.status).toBe(400);
    expect(await pageText(policy)).toContain("Use at most 300 characters");
    row = await t.server.db
      .selectFrom("applications")
      .select(["answers", "version"])
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    const kept = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      {
        intent: "save",
        version: String(row.version),
        [`q_${track}`]: "Tech Policy",
        [`q_${place}`]: "Lima",
        [`q_${law}`]: "Copyright terms",
      },
      { cookie },
    );
    expect(kept.status).toBe(302);
    row = await t.server.db
      .selectFrom("applications")
      .select(["answers", "version"])
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.answers).toEqual({ [track]: "Tech Policy", [place]: "Lima", [law]: "Copyright terms" });
  });

  it("shows staff the counts by reason, and only to staff", async () => {
    const page = await get(t.server, `/staff/cycles/${cycle.slug}/eligibility`, { cookie: staff.cookie });
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Can you commit ten months, full time?");
    expect(html).toMatch(/Screened out so far: [1-9]/);
    const applicant = await createUser(t.server);
    const refused = await get(t.server, `/staff/cycles/${cycle.slug}/eligibility`, { cookie: applicant.cookie });
    expect([403, 404]).toContain(refused.status);
  });
});
