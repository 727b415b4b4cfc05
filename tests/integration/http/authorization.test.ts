import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { createInvitation } from "~/invitations/invitations.server";
import { enqueueEmail } from "~/email/outbox.server";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers } from "~/applications/applications.server";
import { addEligibilityQuestion } from "~/eligibility/eligibility.server";
import { nameReferee } from "~/references/references.server";
import { submitReference } from "~/references/referee.server";
import { findLetterForViewer } from "~/references/letters.server";
import { Role } from "~/auth/roles";
import { completeAnswers, createOpenCycle, questionByKind } from "../../support/cycles";
import { createMatchingFixture } from "../../support/matching";
import { createReviewFixture } from "../../support/review";
import { primaryDriver, uniqueEmail } from "../../support/db";
import { proposeAssignment } from "~/campaigns/assignments.server";
import { addNeed, createCampaign } from "~/campaigns/campaigns.server";
import { saveProfile } from "~/network/profiles.server";
import { latestEmailTo } from "../../support/outbox";
import { rotateFeed } from "~/calendar/feeds.server";
import { createFellowshipFixture, reportsOf } from "../../support/fellowships";
import { createPersonas, PERSONAS, type Persona, type PersonaSet } from "../../support/personas";
import { describeServer, get, post, type TestServer } from "../../support/server";

/**
 * Every route of the build, who may load it (GET) and who may post to it (an empty form, so an
 * allowed poster gets 400 for the missing fields). A route added without a line here fails the
 * first test. Expected answers: a status, "login" (a redirect to sign in), "home" (a redirect
 * to the home page).
 */
type Expected = number | "login" | "home";
type ByPersona = Record<Persona, Expected>;

interface Fixtures {
  emailId: string;
  invitationToken: string;
  cycleSlug: string;
  /** A cycle with an eligibility screen. */
  screenedCycleSlug: string;
  applicationId: string;
  applicantFileId: string;
  reviewCycleSlug: string;
  reviewCycleId: string;
  /** An application in review in the review cycle. */
  reviewApplicationId: string;
  assignmentId: string;
  matchingCycleSlug: string;
  positionId: string;
  organizationSlug: string;
  profileId: string;
  campaignSlug: string;
  replyToken: string;
  reportId: string;
  fellowshipId: string;
  feedToken: string;
  formId: string;
  fellowshipCycleSlug: string;
  /** A referee's link to write for the applicant persona's application (no letter yet). */
  refereeToken: string;
  /** A letter received for the applicant persona's application. */
  letterId: string;
}

interface RouteRule {
  path: (f: Fixtures) => string;
  get: ByPersona;
  post: ByPersona;
}

const all = (expected: Expected): ByPersona => ({
  anonymous: expected,
  user: expected,
  applicant: expected,
  reviewer: expected,
  partner: expected,
  ally: expected,
  fellow: expected,
  staff: expected,
});
const signedIn = (expected: Expected): ByPersona => ({ ...all(expected), anonymous: "login" });
const only = (persona: Persona, expected: Expected): ByPersona => ({
  ...all(403),
  anonymous: "login",
  [persona]: expected,
});
const staffOnly = (expected: Expected) => only("staff", expected);
const reviewerOnly = (expected: Expected) => only("reviewer", expected);
const partnerOnly = (expected: Expected) => only("partner", expected);
// Pages for signing in: whoever is signed in is sent home, also after posting (the page's loader runs).
const anonymousOnly = (expected: Expected): ByPersona => ({ ...all("home"), anonymous: expected });

const RULES: Record<string, RouteRule> = {
  "routes/_index": { path: () => "/", get: all(200), post: all(405) },
  "routes/login": { path: () => "/login", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/login_.code": { path: () => "/login/code", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/signup": { path: () => "/signup", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/verify": { path: () => "/verify", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/forgot-password": { path: () => "/forgot-password", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/reset-password": { path: () => "/reset-password", get: anonymousOnly(200), post: anonymousOnly(400) },
  "routes/logout": { path: () => "/logout", get: all("home"), post: all("home") },
  // Single sign-on, configured here with a provider that does not answer (see the environment below):
  // starting answers 503 with a page saying so; the callback without this browser's attempt, 400.
  "routes/auth.oidc": { path: () => "/auth/oidc", get: anonymousOnly(503), post: all(405) },
  "routes/auth.oidc_.callback": { path: () => "/auth/oidc/callback", get: all(400), post: all(405) },
  "routes/healthz": { path: () => "/healthz", get: all(200), post: all(405) },
  // The language switcher: anyone may choose; an empty post is a field error.
  "routes/language": { path: () => "/language", get: all(200), post: all(400) },
  "routes/$": { path: () => "/no/such/page", get: all(404), post: all(404) },
  "routes/me.account": { path: () => "/me/account", get: signedIn(200), post: signedIn(400) },
  "routes/invitations.$token": {
    path: (f) => `/invitations/${f.invitationToken}`,
    get: all(200),
    // Nobody here is the invited address.
    post: signedIn(403),
  },
  "routes/cycles.$slug": { path: (f) => `/cycles/${f.cycleSlug}`, get: all(200), post: all(405) },
  // Public: anyone may take the screen; an empty form is missing its answers.
  "routes/cycles.$slug_.eligibility": {
    path: (f) => `/cycles/${f.screenedCycleSlug}/eligibility`,
    get: all(200),
    post: all(400),
  },
  "routes/staff.cycles.$slug.eligibility": {
    path: (f) => `/staff/cycles/${f.screenedCycleSlug}/eligibility`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/apply.$cycle._index": { path: (f) => `/apply/${f.cycleSlug}`, get: signedIn(200), post: all(405) },
  "routes/apply.$cycle.$step": { path: (f) => `/apply/${f.cycleSlug}/1`, get: signedIn(200), post: signedIn(400) },
  "routes/apply.$cycle.about-you": {
    path: (f) => `/apply/${f.cycleSlug}/about-you`,
    get: signedIn(200),
    post: signedIn(400),
  },
  "routes/apply.$cycle.review": {
    path: (f) => `/apply/${f.cycleSlug}/review`,
    get: signedIn(200),
    post: signedIn(400),
  },
  // The applicant's referees (the fixture cycle asks for references).
  "routes/apply.$cycle.references": {
    path: (f) => `/apply/${f.cycleSlug}/references`,
    get: signedIn(200),
    post: signedIn(400),
  },
  // The emailed link is the referee's credential: no sign-in; an empty form takes nothing.
  "routes/references.$token": { path: (f) => `/references/${f.refereeToken}`, get: all(200), post: all(400) },
  // A letter: staff only here (no reviewer is assigned); the applicant it is about never.
  "routes/letters.$id": {
    path: (f) => `/letters/${f.letterId}`,
    get: { ...all(404), anonymous: "login", staff: 200 },
    post: all(405),
  },
  "routes/staff.cycles.$slug.completeness": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/completeness`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.completeness[.]csv": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/completeness.csv`,
    get: staffOnly(200),
    post: all(405),
  },
  // A cycle's questions for its referees: staff only (an empty form names no action).
  "routes/staff.cycles.$slug.referee-questions": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/referee-questions`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/me.applications": { path: () => "/me/applications", get: signedIn(200), post: signedIn(400) },
  // Someone else's file answers like a missing one.
  "routes/files.$id": {
    path: (f) => `/files/${f.applicantFileId}`,
    get: {
      anonymous: "login",
      user: 404,
      applicant: 200,
      reviewer: 404,
      partner: 404,
      ally: 404,
      fellow: 404,
      staff: 200,
    },
    post: all(405),
  },
  "routes/review._index": { path: () => "/review", get: reviewerOnly(200), post: reviewerOnly(400) },
  // Only the assignment's own reviewer: anyone else, staff included, finds nothing there.
  "routes/review.$assignmentId": {
    path: (f) => `/review/${f.assignmentId}`,
    get: { ...all(404), anonymous: "login", reviewer: 200 },
    post: { ...all(404), anonymous: "login", reviewer: 400 },
  },
  "routes/staff.cycles.$slug.rubric": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/rubric`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.reviewers": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/reviewers`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.assignments": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/assignments`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.assignments_.$applicationId": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/assignments/${f.reviewApplicationId}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.assignments_.$applicationId_.reviewers": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/assignments/${f.reviewApplicationId}/reviewers?q=a`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.rounds": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/rounds`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.ranking": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/ranking`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.decisions": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/decisions`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.letters": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/letters`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.reviews[.]csv": {
    path: (f) => `/staff/cycles/${f.reviewCycleSlug}/reviews.csv`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/partner._index": { path: () => "/partner", get: partnerOnly(200), post: partnerOnly(400) },
  "routes/partner.positions.$id": {
    path: (f) => `/partner/positions/${f.positionId}`,
    get: partnerOnly(200),
    post: partnerOnly(400),
  },
  "routes/staff.organizations._index": {
    path: () => "/staff/organizations",
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.organizations.$slug": {
    path: (f) => `/staff/organizations/${f.organizationSlug}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.positions": {
    path: (f) => `/staff/cycles/${f.matchingCycleSlug}/positions`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.matching": {
    path: (f) => `/staff/cycles/${f.matchingCycleSlug}/matching`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff._index": { path: () => "/staff", get: staffOnly(200), post: all(405) },
  "routes/staff.cycles._index": { path: () => "/staff/cycles", get: staffOnly(200), post: staffOnly(400) },
  "routes/staff.cycles.$slug._index": {
    path: (f) => `/staff/cycles/${f.cycleSlug}`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.settings": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/settings`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.questions": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/questions`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.applications._index": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/applications`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.applications.$id": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/applications/${f.applicationId}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  // Bids: only a reviewer on the cycle's panel; for anyone else the panel does not exist.
  "routes/review.bids.$cycleId": {
    path: (f) => `/review/bids/${f.reviewCycleId}`,
    get: { ...all(404), anonymous: "login", reviewer: 200 },
    post: { ...all(404), anonymous: "login", reviewer: 302 },
  },
  "routes/staff.webhooks": { path: () => "/staff/webhooks", get: staffOnly(200), post: staffOnly(400) },
  // The API answers cookies with its own 401 (and a method a route does not take with 405): only a
  // personal access token opens it
  // (tests/integration/http/api.test.ts covers every route × token scope × role).
  // The demo's webhook receiver answers only on a demo database (webhooks.test.ts covers it there).
  "routes/demo.webhook-sink": { path: () => "/demo/webhook-sink", get: all(404), post: all(404) },
  "routes/api.v1.$": { path: () => "/api/v1/nothing-here", get: all(404), post: all(404) },
  "routes/api.v1.openapi[.]json": { path: () => "/api/v1/openapi.json", get: all(200), post: all(405) },
  "routes/api.v1.cycles": { path: () => "/api/v1/cycles", get: all(401), post: all(405) },
  "routes/api.v1.cycles_.$slug.applications": {
    path: (f) => `/api/v1/cycles/${f.cycleSlug}/applications`,
    get: all(401),
    post: all(405),
  },
  "routes/api.v1.cycles_.$slug.applications_.$id": {
    path: (f) => `/api/v1/cycles/${f.cycleSlug}/applications/${f.applicationId}`,
    get: all(401),
    post: all(405),
  },
  "routes/api.v1.cycles_.$slug.reviews": {
    path: (f) => `/api/v1/cycles/${f.reviewCycleSlug}/reviews`,
    get: all(401),
    post: all(405),
  },
  "routes/api.v1.directory": { path: () => "/api/v1/directory", get: all(401), post: all(405) },
  "routes/api.v1.campaigns": { path: () => "/api/v1/campaigns", get: all(401), post: all(405) },
  "routes/api.v1.campaigns_.$slug.assignments": {
    path: (f) => `/api/v1/campaigns/${f.campaignSlug}/assignments`,
    get: all(401),
    post: all(401),
  },
  "routes/staff.cycles.$slug.applications[.]csv": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/applications.csv`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.demographics": {
    path: (f) => `/staff/cycles/${f.cycleSlug}/demographics`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.users": { path: () => "/staff/users", get: staffOnly(200), post: staffOnly(400) },
  "routes/staff.emails._index": { path: () => "/staff/emails", get: staffOnly(200), post: all(405) },
  "routes/staff.emails.$id": { path: (f) => `/staff/emails/${f.emailId}`, get: staffOnly(200), post: all(405) },
  "routes/staff.emails.$id.html": {
    path: (f) => `/staff/emails/${f.emailId}/html`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.audit": { path: () => "/staff/audit", get: staffOnly(200), post: all(405) },
  "routes/directory._index": { path: () => "/directory?q=ally", get: all(200), post: all(405) },
  // Only partners and staff may write to an ally; to anyone else the form does not exist.
  "routes/directory.$id": {
    path: (f) => `/directory/${f.profileId}`,
    get: all(200),
    post: {
      anonymous: "login",
      user: 404,
      applicant: 404,
      reviewer: 404,
      partner: 400,
      ally: 404,
      fellow: 404,
      staff: 400,
    },
  },
  "routes/me.profile": { path: () => "/me/profile", get: signedIn(200), post: signedIn(400) },
  "routes/me.contacts": { path: () => "/me/contacts", get: signedIn(200), post: signedIn(400) },
  "routes/me.campaigns": { path: () => "/me/campaigns", get: signedIn(200), post: signedIn(400) },
  "routes/me.data[.]json": { path: () => "/me/data.json", get: signedIn(200), post: all(405) },
  // The emailed link is the credential: no sign-in, and an empty form changes nothing.
  "routes/campaign-replies.$token": { path: (f) => `/campaign-replies/${f.replyToken}`, get: all(200), post: all(400) },
  "routes/campaigns.$slug": { path: (f) => `/campaigns/${f.campaignSlug}`, get: all(200), post: all(405) },
  "routes/staff.campaigns._index": { path: () => "/staff/campaigns", get: staffOnly(200), post: staffOnly(400) },
  "routes/staff.campaigns.$slug._index": {
    path: (f) => `/staff/campaigns/${f.campaignSlug}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.campaigns.$slug.suggestions": {
    path: (f) => `/staff/campaigns/${f.campaignSlug}/suggestions`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.allies": { path: () => "/staff/allies", get: staffOnly(200), post: staffOnly(400) },
  "routes/staff.allies[.]csv": { path: () => "/staff/allies.csv", get: staffOnly(200), post: all(405) },
  "routes/me.interviews": { path: () => "/me/interviews", get: signedIn(200), post: signedIn(400) },
  "routes/me.fellowship._index": { path: () => "/me/fellowship", get: signedIn(200), post: signedIn(400) },
  // Only the report's fellow: anyone else, staff included, finds nothing there.
  "routes/me.fellowship.reports.$id": {
    path: (f) => `/me/fellowship/reports/${f.reportId}`,
    get: { ...all(404), anonymous: "login", fellow: 200 },
    post: { ...all(404), anonymous: "login", fellow: 400 },
  },
  // The address is the credential (calendar apps cannot sign in): it answers whoever has it.
  "routes/calendar.$token": { path: (f) => `/calendar/${f.feedToken}.ics`, get: all(200), post: all(405) },
  "routes/partner.positions.$id_.interviews": {
    path: (f) => `/partner/positions/${f.positionId}/interviews`,
    get: partnerOnly(200),
    post: partnerOnly(400),
  },
  "routes/partner.fellows._index": { path: () => "/partner/fellows", get: partnerOnly(200), post: all(405) },
  "routes/partner.fellows.$id": {
    path: (f) => `/partner/fellows/${f.fellowshipId}`,
    get: partnerOnly(200),
    post: partnerOnly(400),
  },
  "routes/staff.fellowships._index": { path: () => "/staff/fellowships", get: staffOnly(200), post: all(405) },
  "routes/staff.fellowships.$id": {
    path: (f) => `/staff/fellowships/${f.fellowshipId}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.interviews": {
    path: (f) => `/staff/cycles/${f.matchingCycleSlug}/interviews`,
    get: staffOnly(200),
    post: all(405),
  },
  "routes/staff.cycles.$slug.fellowship._index": {
    path: (f) => `/staff/cycles/${f.matchingCycleSlug}/fellowship`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
  "routes/staff.cycles.$slug.fellowship.$formId": {
    path: (f) => `/staff/cycles/${f.fellowshipCycleSlug}/fellowship/${f.formId}`,
    get: staffOnly(200),
    post: staffOnly(400),
  },
};

/** A public ally profile (not a persona's), and an active campaign that has asked that ally. */
async function networkFixtures(server: TestServer, staffId: string) {
  const user = await server.db
    .insertInto("users")
    .values({ email: uniqueEmail("listed"), name: "Listed Ally" })
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
  await saveProfile(server.db, user.id, {
    intent: "save",
    displayName: "Listed Ally",
    headline: "",
    bio: "",
    disciplines: ["artist"],
    skills: ["design"],
    languages: [],
    country: undefined,
    region: undefined,
    timezone: "UTC",
    links: [],
    hoursPerMonth: 4,
    availableFrom: undefined,
    availableUntil: undefined,
    visibility: "public",
    consent: "on",
    version: 0,
  });
  const profile = await server.db
    .selectFrom("allyProfiles")
    .select("id")
    .where("userId", "=", user.id)
    .executeTakeFirstOrThrow();
  const slug = `authz-${profile.id.slice(0, 8)}`;
  await createCampaign(server.db, staffId, {
    intent: "save-campaign",
    name: "Authorization campaign",
    slug,
    summary: "",
    startsOn: "2030-01-01",
    endsOn: "2030-02-01",
    status: "active",
    languages: [],
    timezone: "UTC",
    version: undefined,
  });
  const campaign = await server.db
    .selectFrom("campaigns")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  await addNeed(server.db, staffId, campaign.id, { kind: "skill", value: "design", quantity: 1 });
  await proposeAssignment(server.db, server.config, staffId, { campaignId: campaign.id, profileId: profile.id });
  const text = (await latestEmailTo(server.db, user.email))?.text ?? "";
  const replyToken = /campaign-replies\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
  return { profileId: profile.id, campaignSlug: slug, replyToken };
}

/**
 * The fellow persona's fellowship, hosted by the partner persona's organization (the fixture's
 * finalist's placement handed to the persona), its first report, and the persona's calendar address.
 */
async function fellowshipFixtures(server: TestServer, personas: PersonaSet) {
  const fixture = await createFellowshipFixture(server.db, server.config, { partnerIds: [personas.users.partner.id] });
  const fellowId = personas.users.fellow.id;
  await server.db
    .updateTable("applications")
    .set({ applicantId: fellowId })
    .where("id", "=", fixture.fellow.applicationId)
    .execute();
  await server.db.updateTable("fellowships").set({ fellowId }).where("id", "=", fixture.fellowship.id).execute();
  const [report] = await reportsOf(server.db, fixture.fellowship.id);
  return {
    fellowshipId: fixture.fellowship.id,
    reportId: report!.id,
    formId: fixture.checkInFormId,
    fellowshipCycleSlug: fixture.cycle.slug,
    feedToken: await rotateFeed(server.db, fellowId),
  };
}

/** Two referees for the applicant persona: one still to write (their link), one whose letter arrived. */
async function referenceFixtures(server: TestServer, cycleId: string, applicationId: string, applicantId: string) {
  await server.db.updateTable("cycles").set({ referencesMin: 1, referencesMax: 3 }).where("id", "=", cycleId).execute();
  const tokens: string[] = [];
  for (const label of ["waiting", "written"]) {
    const email = uniqueEmail(`referee-${label}`);
    const named = await nameReferee(server.db, server.config, {
      applicantId,
      applicationId,
      referee: { name: `Referee ${label}`, email, relationship: "Mentor" },
    });
    if (!named.ok) throw new Error(named.message);
    const text = (await latestEmailTo(server.db, email))?.text ?? "";
    tokens.push(/references\/([A-Za-z0-9_-]+)/.exec(text)![1]!);
  }
  const written = await submitReference(server.db, tokens[1]!, {
    answers: { capacity: "Mentor for two years", strengths: "Persistence", concerns: "" },
    letter: { filename: "letter.pdf", bytes: Buffer.from(tinyPdf("Letter")) },
  });
  if (!written.ok) throw new Error(written.reason);
  const letter = await server.db
    .selectFrom("referenceRequests")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("status", "=", "received")
    .executeTakeFirstOrThrow();
  return { refereeToken: tokens[0]!, letterId: letter.id };
}

function matches(response: Response, expected: Expected): boolean {
  if (expected === "login")
    return response.status === 302 && (response.headers.get("Location") ?? "").startsWith("/login?redirectTo=");
  if (expected === "home") return response.status === 302 && response.headers.get("Location") === "/";
  return response.status === expected;
}

// The matrix checks the app's rules, not the database's: it runs on one driver (the rest of the HTTP
// tests run each route on both), which halves the suite's longest file.
describeServer(
  "authorization of every route",
  (t) => {
    let personas: PersonaSet;
    let fixtures: Fixtures;

    beforeAll(async () => {
      const server: TestServer = t.server;
      personas = await createPersonas(server);
      const staff = await server.db.selectFrom("users").select("id").limit(1).executeTakeFirstOrThrow();
      const invitation = await createInvitation(server.db, {
        email: uniqueEmail("invitee"),
        kind: "staff",
        invitedBy: staff.id,
      });
      const to = uniqueEmail("mail");
      await enqueueEmail(server.db, {
        to,
        template: "existing-account",
        props: { name: "N", loginUrl: "http://x", resetUrl: "http://x" },
        idempotencyKey: `authz-${to}`,
      });
      const email = await server.db
        .selectFrom("emailOutbox")
        .select("id")
        .where("recipient", "=", to)
        .executeTakeFirstOrThrow();
      const cycle = await createOpenCycle(server.db, personas.users.staff.id);
      const screened = await createOpenCycle(server.db, personas.users.staff.id);
      await addEligibilityQuestion(server.db, personas.users.staff.id, screened.id, {
        label: "Can you commit ten months?",
        help: "",
        options: ["Yes", "No"],
        qualifying: ["Yes"],
        reason: "The fellowship is a ten-month commitment.",
      });
      const saved = await saveAnswers(server.db, {
        cycleId: cycle.id,
        applicantId: personas.users.applicant.id,
        questions: cycle.questions,
        answers: completeAnswers(cycle.questions),
        uploads: [{ questionId: questionByKind(cycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
        version: 0,
      });
      if (!saved.ok) throw new Error(saved.message);
      const file = await server.db
        .selectFrom("files")
        .select("id")
        .where("applicationId", "=", saved.applicationId)
        .executeTakeFirstOrThrow();
      const references = await referenceFixtures(server, cycle.id, saved.applicationId, personas.users.applicant.id);
      const review = await createReviewFixture(server.db, server.config, { applicants: 1, reviewers: 0, k: 1 });
      await server.db
        .insertInto("cycleReviewers")
        .values({ cycleId: review.cycle.id, userId: personas.users.reviewer.id, capacity: 5, expertise: "[]" })
        .execute();
      const assignment = await server.db
        .insertInto("reviewAssignments")
        .values({
          cycleId: review.cycle.id,
          roundId: review.round.id,
          applicationId: review.applicants[0]!.applicationId,
          reviewerId: personas.users.reviewer.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const matching = await createMatchingFixture(server.db, server.config, {
        finalists: 1,
        seats: [1],
        partnerIds: [personas.users.partner.id],
      });
      const organization = await server.db
        .selectFrom("organizations")
        .select("slug")
        .where("id", "=", matching.organizations[0]!.id)
        .executeTakeFirstOrThrow();
      const network = await networkFixtures(server, personas.users.staff.id);
      const year = await fellowshipFixtures(server, personas);
      fixtures = {
        ...references,
        ...network,
        ...year,
        matchingCycleSlug: matching.cycle.slug,
        positionId: matching.positions[0]!.id,
        organizationSlug: organization.slug,
        reviewCycleSlug: review.cycle.slug,
        reviewCycleId: review.cycle.id,
        reviewApplicationId: review.applicants[0]!.applicationId,
        assignmentId: assignment.id,
        emailId: email.id,
        invitationToken: invitation.token,
        cycleSlug: cycle.slug,
        screenedCycleSlug: screened.slug,
        applicationId: saved.applicationId,
        applicantFileId: file.id,
      };
    });

    it("has a rule for every route in the build", async () => {
      const build = (await import(path.join(process.cwd(), "build", "server", "index.js"))) as ServerBuild;
      const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
      expect(routeIds.sort()).toEqual(Object.keys(RULES).sort());
    });

    it("shows a referee only their own request, and never a letter to the applicant it is about", async () => {
      const page = await get(t.server, `/references/${fixtures.refereeToken}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Appli Cant");
      expect(html).toContain("Referee waiting");
      // Nothing of the other referee, of the applicant's address, or of the letter that arrived.
      expect(html).not.toContain("Referee written");
      expect(html).not.toContain(personas.users.applicant.email);
      expect(html).not.toContain("Persistence");
      // The link opens nothing else: the letter and the application ask the referee to sign in.
      expect(matches(await get(t.server, `/letters/${fixtures.letterId}`), "login")).toBe(true);
      expect(matches(await get(t.server, `/files/${fixtures.applicantFileId}`), "login")).toBe(true);
      // The applicant never gets the letter, not even holding the staff role.
      const applicant = personas.users.applicant;
      expect(
        await findLetterForViewer(t.server.db, fixtures.letterId, { id: applicant.id, roles: [Role.staff] }),
      ).toBeNull();
    });

    for (const [routeId, rule] of Object.entries(RULES)) {
      for (const persona of PERSONAS) {
        it(`${routeId}: GET as ${persona} → ${rule.get[persona]}`, async () => {
          const response = await get(t.server, rule.path(fixtures), { cookie: await personas.cookie(persona) });
          expect(
            matches(response, rule.get[persona]),
            `${response.status} ${response.headers.get("Location") ?? ""}`,
          ).toBe(true);
        });
        it(`${routeId}: POST as ${persona} → ${rule.post[persona]}`, async () => {
          const response = await post(t.server, rule.path(fixtures), {}, { cookie: await personas.cookie(persona) });
          expect(
            matches(response, rule.post[persona]),
            `${response.status} ${response.headers.get("Location") ?? ""}`,
          ).toBe(true);
        });
      }
    }
  },
  // Port 9 (discard) on loopback: nothing listens, so the provider's absence is certain and quick.
  { OIDC_ISSUER: "http://127.0.0.1:9", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "not-a-real-secret" },
  [primaryDriver],
);
