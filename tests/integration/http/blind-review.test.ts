import { randomBytes } from "node:crypto";
import { PDFDocument } from "@cantoo/pdf-lib";
import { beforeAll, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { runAssignment } from "~/review/assignments.server";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { pdfWithMetadata } from "../../support/pdf-with-metadata";
import { cookieHeader, describeServer, get, type TestServer } from "../../support/server";

// What the penetration test got through to a blind reviewer: part of a hyphenated surname, the
// name without accents, links with and without a scheme, a handle, spelled-out mail, and the
// author's name inside the writing sample's PDF metadata.
const LEAKY_NAME = "Zeynep Kaya-Öztürk";
const LEAKY_ESSAY =
  "Ozturk here: https://zeynepkaya.example github.com/zkaya @zkaya zeynep.kaya at probe dot example; the Kaya family radio.";
const LEAKS = ["Kaya", "Ozturk", "Öztürk", "Zeynep", "zeynepkaya", "zkaya", "probe dot example", "github.com"];
// A referee of every applicant, named in their letter's answers, metadata and file name.
const REFEREE = {
  name: "Rahel Okonkwo-Bright",
  email: "rahel.okonkwo@referee.example",
  relationship: "Lab head at Probe",
};
const REFEREE_LEAKS = ["Rahel", "Okonkwo", "Bright", REFEREE.email, REFEREE.relationship];

const REFEREE_QUESTION = "What did you see the applicant build?";

/** A received reference for each applicant whose text, metadata and file name name both people. */
async function addLetters(server: TestServer, fixture: ReviewFixture) {
  // The cycle asks its referees a question of its own; the answers name both people too.
  const question = await server.db
    .insertInto("refereeQuestions")
    .values({ cycleId: fixture.cycle.id, position: 1, label: REFEREE_QUESTION, required: true })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const applicant of fixture.applicants) {
    await server.db
      .insertInto("referenceRequests")
      .values({
        applicationId: applicant.applicationId,
        cycleId: fixture.cycle.id,
        refereeName: REFEREE.name,
        refereeEmail: REFEREE.email,
        relationship: REFEREE.relationship,
        status: "received",
        tokenHash: randomBytes(32),
        expiresAt: new Date(Date.now() + 86_400_000),
        receivedAt: new Date(),
        answers: JSON.stringify({
          [question.id]: `${applicant.name} built our lab's radio archive with ${REFEREE.name}; ${applicant.email}.`,
          capacity: `I, ${REFEREE.name}, supervised ${applicant.name} (${applicant.email}); see https://okonkwo.example`,
          strengths: `${applicant.name.split(" ")[0]} is careful.`,
        }),
        letterFilename: `${applicant.name} - reference by ${REFEREE.name}.pdf`,
        letterBytes: Buffer.from(pdfWithMetadata("A letter of support", REFEREE.name)),
      })
      .execute();
  }
}

/** What a reviewer of a blind cycle must never receive, per applicant. */
async function secretsOf(server: TestServer, fixture: ReviewFixture) {
  const identifying = fixture.cycle.questions.filter((question) => question.identifying || question.kind === "url");
  const files = await server.db
    .selectFrom("files")
    .select(["applicationId", "filename"])
    .where(
      "applicationId",
      "in",
      fixture.applicants.map((a) => a.applicationId),
    )
    .execute();
  const rows = await server.db
    .selectFrom("applications")
    .select(["id", "answers"])
    .where("cycleId", "=", fixture.cycle.id)
    .execute();
  return fixture.applicants.flatMap((applicant) => {
    const answers = rows.find((row) => row.id === applicant.applicationId)!.answers;
    return [
      applicant.name,
      ...applicant.name.split(/[\s-]/),
      applicant.email,
      ...identifying.flatMap((question) => {
        const value = answers[question.id];
        // A file answer is an id; its file name is the secret, checked below.
        return question.kind === "file" || value === undefined ? [] : [String(value)];
      }),
      ...files.filter((file) => file.applicationId === applicant.applicationId).map((file) => file.filename),
    ];
  });
}

describeServer("blind review never leaks who applied", (t) => {
  let fixture: ReviewFixture;
  let cookie: string;
  let reviewerId: string;

  beforeAll(async () => {
    fixture = await createReviewFixture(t.server.db, t.server.config, {
      applicants: 4,
      reviewers: 2,
      k: 2,
      blind: true,
      names: [LEAKY_NAME],
      essay: (name) => (name === LEAKY_NAME ? LEAKY_ESSAY : undefined),
      samplePdf: (name) => (name === LEAKY_NAME ? pdfWithMetadata("An essay on radio", LEAKY_NAME) : undefined),
    });
    const run = await runAssignment(t.server.db, t.server.config, fixture.staffId, fixture.cycle);
    if (!run.ok) throw new Error(run.message);
    await addLetters(t.server, fixture);
    reviewerId = fixture.reviewers[0]!.id;
    cookie = cookieHeader(
      await startSession(t.server.db, t.server.config, reviewerId, { userAgent: "blind", clientAddress: null }),
    );
  });

  it("keeps names, emails, links, identifying answers and file names out of every page, data request, file and letter", async () => {
    const assignments = await t.server.db
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId"])
      .where("reviewerId", "=", reviewerId)
      .execute();
    expect(assignments.length).toBeGreaterThan(0);
    const files = await t.server.db
      .selectFrom("files")
      .select("id")
      .where(
        "applicationId",
        "in",
        assignments.map((a) => a.applicationId),
      )
      .execute();
    const letters = await t.server.db
      .selectFrom("referenceRequests")
      .select("id")
      .where(
        "applicationId",
        "in",
        assignments.map((a) => a.applicationId),
      )
      .execute();
    const paths = [
      "/",
      "/_root.data",
      "/review",
      "/review.data",
      ...assignments.flatMap((assignment) => [`/review/${assignment.id}`, `/review/${assignment.id}.data`]),
      ...files.map((file) => `/files/${file.id}`),
      ...letters.map((letter) => `/letters/${letter.id}`),
    ];
    const secrets = [...(await secretsOf(t.server, fixture)), ...LEAKS, ...REFEREE_LEAKS].filter(
      (secret) => secret.length >= 3,
    );
    let downloaded = 0;
    let lettersRead = 0;
    for (const path of paths) {
      const response = await get(t.server, path, { cookie });
      expect([200, 404], path).toContain(response.status);
      const text = Buffer.from(await response.arrayBuffer()).toString("utf8");
      const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join("\n");
      for (const secret of secrets) {
        expect(text.includes(secret), `${path} contains ${secret}`).toBe(false);
        expect(headers.includes(secret), `${path} headers contain ${secret}`).toBe(false);
      }
      if (path.startsWith("/files/") && response.status === 200) downloaded += 1;
      if (path.startsWith("/letters/") && response.status === 200) lettersRead += 1;
    }
    // Every letter of an assigned application is readable, as a PDF without its metadata.
    expect(lettersRead).toBe(assignments.length);
    // The writing samples (not identifying) are readable; the CVs (identifying) are not.
    expect(downloaded).toBe(assignments.length);
  });

  it("shows where it withheld a name or a link, and serves the PDF readable but without its metadata", async () => {
    const leaky = fixture.applicants.find((applicant) => applicant.name === LEAKY_NAME)!;
    const assignment = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("reviewerId", "=", reviewerId)
      .where("applicationId", "=", leaky.applicationId)
      .executeTakeFirstOrThrow();
    const page = await (await get(t.server, `/review/${assignment.id}`, { cookie })).text();
    expect(page).toContain(
      "[name withheld] here: [link withheld] [link withheld] [link withheld] [link withheld]; the [name withheld] family radio.",
    );
    expect(page).toContain("Possibly identifying");
    expect(page).toContain("reference-letter-1.pdf");
    // The cycle's own referee question, its answer with both names withheld.
    expect(page).toContain(REFEREE_QUESTION);
    expect(page).toContain("[name withheld] built our lab&#x27;s radio archive with [name withheld]");
    const sample = await t.server.db
      .selectFrom("files")
      .select("id")
      .where("applicationId", "=", leaky.applicationId)
      .where("filename", "like", "%-sample.pdf")
      .executeTakeFirstOrThrow();
    const response = await get(t.server, `/files/${sample.id}`, { cookie });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString("latin1");
    expect(text).toContain("(An essay on radio) Tj");
    expect(text).not.toMatch(/\/Author|\/Title|\/Metadata|xmpmeta|dc:creator/);
    const served = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(served.getAuthor()).toBeUndefined();
    expect(served.getTitle()).toBeUndefined();
    expect(served.getPageCount()).toBe(1);
  });

  it("shows the same reviewer the names in a cycle that is not blind", async () => {
    const open = await createReviewFixture(t.server.db, t.server.config, {
      applicants: 1,
      reviewers: 1,
      k: 1,
      blind: false,
    });
    await runAssignment(t.server.db, t.server.config, open.staffId, open.cycle);
    const assignment = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("cycleId", "=", open.cycle.id)
      .executeTakeFirstOrThrow();
    const reviewer = cookieHeader(
      await startSession(t.server.db, t.server.config, open.reviewers[0]!.id, {
        userAgent: "open",
        clientAddress: null,
      }),
    );
    const page = await (await get(t.server, `/review/${assignment.id}`, { cookie: reviewer })).text();
    expect(page).toContain(open.applicants[0]!.name);
  });

  it("answers another reviewer's assignment, and a cycle one does not review, like missing ones", async () => {
    const others = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("reviewerId", "=", fixture.reviewers[1]!.id)
      .execute();
    expect((await get(t.server, `/review/${others[0]!.id}`, { cookie })).status).toBe(404);
    const elsewhere = await createReviewFixture(t.server.db, t.server.config, { applicants: 1, reviewers: 1, k: 1 });
    await runAssignment(t.server.db, t.server.config, elsewhere.staffId, elsewhere.cycle);
    const foreign = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("cycleId", "=", elsewhere.cycle.id)
      .executeTakeFirstOrThrow();
    expect((await get(t.server, `/review/${foreign.id}`, { cookie })).status).toBe(404);
    for (const page of ["ranking", "decisions", "assignments", "reviewers"]) {
      expect((await get(t.server, `/staff/cycles/${fixture.cycle.slug}/${page}`, { cookie })).status, page).toBe(403);
    }
  });
});
