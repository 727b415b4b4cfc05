import { beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { completeAnswers, createOpenCycle, type TestCycle } from "../../support/cycles";
import { emailsTo } from "../../support/outbox";
import { createUser, describeServer, get, pageText, post, queryCount, type TestUser } from "../../support/server";

describeServer("applying over HTTP", (t) => {
  let cycle: TestCycle;
  let staff: TestUser;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, staff.id);
  });

  const stepOf = (kind: string) => {
    const question = cycle.questions.find((q) => q.kind === kind)!;
    const sections = [...new Set(cycle.questions.map((q) => q.section))];
    return { question, step: sections.indexOf(question.section) + 1, field: `q_${question.id}` };
  };
  const versionOf = async (user: TestUser) =>
    (
      await t.server.db
        .selectFrom("applications")
        .select("version")
        .where("applicantId", "=", user.id)
        .executeTakeFirst()
    )?.version ?? 0;

  async function uploadCv(user: TestUser, bytes: Buffer, filename = "cv.pdf", type = "application/pdf") {
    const { step, field } = stepOf("file");
    const form = new FormData();
    form.set("intent", "save");
    form.set("version", String(await versionOf(user)));
    form.set(field, new Blob([new Uint8Array(bytes)], { type }), filename);
    return post(t.server, `/apply/${cycle.slug}/${step}`, form, { cookie: user.cookie });
  }

  it("saves a step as a draft and moves on to the next", async () => {
    const user = await createUser(t.server);
    const page = await get(t.server, `/apply/${cycle.slug}/1`, { cookie: user.cookie });
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Country and city");
    const track = cycle.questions[0]!;
    const place = cycle.questions[1]!;
    const response = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save-next", version: "0", [`q_${track.id}`]: "Science", [`q_${place.id}`]: "Quito, Ecuador" },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/apply/${cycle.slug}/2`);
    const row = await t.server.db
      .selectFrom("applications")
      .select(["answers", "version"])
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ answers: { [track.id]: "Science", [place.id]: "Quito, Ecuador" }, version: 1 });
  });

  it("refuses bad answers with a message on the field and changes nothing", async () => {
    const user = await createUser(t.server);
    const why = stepOf("long_text");
    const url = stepOf("url");
    const tooLong = await post(
      t.server,
      `/apply/${cycle.slug}/${why.step}`,
      { intent: "save", version: "0", [why.field]: "word ".repeat(25) },
      { cookie: user.cookie },
    );
    expect(tooLong.status).toBe(400);
    expect(await pageText(tooLong)).toContain("Use at most 20 words");
    const badUrl = await post(
      t.server,
      `/apply/${cycle.slug}/${url.step}`,
      { intent: "save", version: "0", [url.field]: "javascript:alert(1)" },
      { cookie: user.cookie },
    );
    expect(badUrl.status).toBe(400);
    expect(await pageText(badUrl)).toContain("starting with http:// or https://");
    const unknown = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", "q_00000000-0000-4000-8000-000000000000": "x" },
      { cookie: user.cookie },
    );
    expect(unknown.status).toBe(400);
    expect(await pageText(unknown)).toContain("not on this step");
    const otherStep = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", [why.field]: "short" },
      { cookie: user.cookie },
    );
    expect(otherStep.status).toBe(400);
    expect(await versionOf(user)).toBe(0);
  });

  it("answers a stale tab with 409 and keeps what is stored", async () => {
    const user = await createUser(t.server);
    const place = cycle.questions[1]!;
    await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", [`q_${place.id}`]: "Tab one" },
      { cookie: user.cookie },
    );
    const stale = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", [`q_${place.id}`]: "Tab two" },
      { cookie: user.cookie },
    );
    expect(stale.status).toBe(409);
    const html = await pageText(stale);
    expect(html).toContain("changed in another tab");
    // The text typed in the stale tab is still in the form, so nothing the applicant wrote is lost.
    expect(html).toContain("Tab two");
    const row = await t.server.db
      .selectFrom("applications")
      .select("answers")
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.answers[place.id]).toBe("Tab one");
  });

  it("autosaves in the background", async () => {
    const user = await createUser(t.server);
    const place = cycle.questions[1]!;
    const response = await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "autosave", version: "0", [`q_${place.id}`]: "Typed so far" },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(200);
    expect(await versionOf(user)).toBe(1);
  });

  it("takes a PDF, checked by its content, up to 10 MB, and serves it only to its owner and staff", async () => {
    const user = await createUser(t.server);
    const other = await createUser(t.server);
    const notPdf = await uploadCv(user, Buffer.from("<html>not a pdf</html>"), "cv.pdf", "application/pdf");
    expect(notPdf.status).toBe(400);
    expect(await pageText(notPdf)).toContain("Upload a PDF document");
    const tooBig = await uploadCv(
      user,
      Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 10, 32)]),
    );
    expect(tooBig.status).toBe(413);
    expect(await pageText(tooBig)).toContain("larger than 10 MB");
    // A PDF named like something else is still a PDF.
    const ok = await uploadCv(user, tinyPdf("My CV"), "curriculum.txt", "text/plain");
    expect(ok.status).toBe(302);

    const file = await t.server.db
      .selectFrom("files")
      .select(["id", "sizeBytes", "sha256"])
      .where("ownerId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(file.sizeBytes).toBe(tinyPdf("My CV").length);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await get(t.server, `/files/${file.id}`, { cookie: user.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await get(t.server, `/files/${file.id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await get(t.server, `/files/${file.id}`, { cookie: staff.cookie })).status).toBe(200);
    expect((await get(t.server, `/files/${file.id}`)).status).toBe(302);
    expect((await get(t.server, "/files/00000000-0000-4000-8000-000000000000", { cookie: user.cookie })).status).toBe(
      404,
    );
  });

  it("submits once however many times the form is sent, with one receipt", async () => {
    const user = await createUser(t.server);
    // Each step's form carries all of that step's fields, as a browser sends it.
    const sections = [...new Set(cycle.questions.map((q) => q.section))];
    const answers = completeAnswers(cycle.questions);
    for (const [index, section] of sections.entries()) {
      const form: Record<string, string> = { intent: "save", version: String(await versionOf(user)) };
      for (const question of cycle.questions.filter((q) => q.section === section && answers[q.id]))
        form[`q_${question.id}`] = answers[question.id]!;
      if (Object.keys(form).length === 2) continue;
      const saved = await post(t.server, `/apply/${cycle.slug}/${index + 1}`, form, { cookie: user.cookie });
      expect(saved.status).toBe(302);
    }
    await uploadCv(user, tinyPdf("CV"));
    const version = String(await versionOf(user));
    const [first, second] = await Promise.all([
      post(t.server, `/apply/${cycle.slug}/review`, { intent: "submit", version }, { cookie: user.cookie }),
      post(t.server, `/apply/${cycle.slug}/review`, { intent: "submit", version }, { cookie: user.cookie }),
    ]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.headers.get("Location")).toBe("/me/applications");
    expect(
      (await emailsTo(t.server.db, user.email)).filter((email) => email.template === "application-receipt"),
    ).toHaveLength(1);
    const mine = await get(t.server, "/me/applications", { cookie: user.cookie });
    expect(await pageText(mine)).toContain("Submitted");
  });

  it("refuses to submit what is incomplete, naming it", async () => {
    const user = await createUser(t.server);
    await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", [`q_${cycle.questions[1]!.id}`]: "Lima" },
      { cookie: user.cookie },
    );
    const response = await post(
      t.server,
      `/apply/${cycle.slug}/review`,
      { intent: "submit", version: "1" },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("more questions before submitting");
  });

  it("refuses changes to a cycle past its deadline, and does not show drafts of unpublished cycles", async () => {
    const user = await createUser(t.server);
    const closed = await createOpenCycle(t.server.db, staff.id, { opensInDays: -20, closesInDays: -1 });
    const response = await post(
      t.server,
      `/apply/${closed.slug}/1`,
      { intent: "save", version: "0", [`q_${closed.questions[1]!.id}`]: "Late" },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(409);
    expect(await pageText(response)).toContain("The deadline has passed");
    const unopened = await createOpenCycle(t.server.db, staff.id, { opensInDays: 2, closesInDays: 20 });
    const early = await post(
      t.server,
      `/apply/${unopened.slug}/1`,
      { intent: "save", version: "0", [`q_${unopened.questions[1]!.id}`]: "Early" },
      { cookie: user.cookie },
    );
    expect(early.status).toBe(409);
    await t.server.db.updateTable("cycles").set({ status: "draft" }).where("id", "=", unopened.id).execute();
    expect((await get(t.server, `/apply/${unopened.slug}`, { cookie: user.cookie })).status).toBe(404);
    expect((await get(t.server, `/cycles/${unopened.slug}`)).status).toBe(404);
    expect((await get(t.server, `/cycles/${unopened.slug}`, { cookie: staff.cookie })).status).toBe(200);
  });

  it("withdraws from /me/applications only with the confirmation ticked", async () => {
    const user = await createUser(t.server);
    await post(
      t.server,
      `/apply/${cycle.slug}/1`,
      { intent: "save", version: "0", [`q_${cycle.questions[1]!.id}`]: "Accra" },
      { cookie: user.cookie },
    );
    const application = await t.server.db
      .selectFrom("applications")
      .select("id")
      .where("applicantId", "=", user.id)
      .executeTakeFirstOrThrow();
    const unconfirmed = await post(
      t.server,
      "/me/applications",
      { intent: "withdraw", applicationId: application.id },
      { cookie: user.cookie },
    );
    expect(unconfirmed.status).toBe(400);
    expect(await pageText(unconfirmed)).toContain("Tick the box");
    const other = await createUser(t.server);
    const foreign = await post(
      t.server,
      "/me/applications",
      { intent: "withdraw", applicationId: application.id, confirm: "on" },
      { cookie: other.cookie },
    );
    expect(foreign.status).toBe(404);
    const confirmed = await post(
      t.server,
      "/me/applications",
      { intent: "withdraw", applicationId: application.id, confirm: "on" },
      { cookie: user.cookie },
    );
    expect(confirmed.status).toBe(302);
    const row = await t.server.db
      .selectFrom("applications")
      .select("status")
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
  });

  it("lists applications for staff with a number of queries that does not grow with them", async () => {
    const listing = await createOpenCycle(t.server.db, staff.id);
    const countFor = async () =>
      queryCount(await get(t.server, `/staff/cycles/${listing.slug}/applications`, { cookie: staff.cookie }));
    const addApplicants = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const user = await createUser(t.server);
        await post(
          t.server,
          `/apply/${listing.slug}/1`,
          { intent: "save", version: "0", [`q_${listing.questions[1]!.id}`]: `City ${i}` },
          { cookie: user.cookie },
        );
      }
    };
    await addApplicants(2);
    const few = await countFor();
    await addApplicants(12);
    expect(await countFor()).toBe(few);
    const csv = await get(t.server, `/staff/cycles/${listing.slug}/applications.csv`, { cookie: staff.cookie });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(15);
    expect(lines[0]).toContain("Country and city");
  });
});
