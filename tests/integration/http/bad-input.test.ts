import { beforeAll, expect, it } from "vitest";
import { createCampaign } from "~/campaigns/campaigns.server";
import { createAlly } from "../../support/network";
import { createOpenCycle, type TestCycle } from "../../support/cycles";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { createUser, describeServer, post, type TestUser } from "../../support/server";

type Form = Record<string, string | string[]>;
interface Case {
  /** A path, where CYCLE stands for the slug of an open test cycle. */
  path: string;
  form: Form;
  as?: "user" | "staff" | "reviewer";
  status?: number;
  /** Words the answer must show (a field's message). */
  says: string;
}

const long = (n: number) => "x".repeat(n);

/** A valid new-cycle form; each case below spoils one thing. */
const NEW_CYCLE: Form = {
  name: "X 2028",
  slug: "x-2028",
  opensAt: "2028-04-01T00:00",
  closesAt: "2028-05-01T00:00",
  timezone: "UTC",
  reviewersPerApplication: "3",
};

const CASES: Record<string, Case> = {
  "sign-up with nothing": { path: "/signup", form: {}, says: "Enter your name" },
  "sign-up with a bad email": {
    path: "/signup",
    form: { name: "A", email: "not-an-email", password: long(12) },
    says: "Enter a valid email address",
  },
  "sign-up with an over-long name": {
    path: "/signup",
    form: { name: long(500), email: "a@example.org", password: long(12) },
    says: "at most 120 characters",
  },
  "sign-up with a short password": {
    path: "/signup",
    form: { name: "A", email: "a@example.org", password: "short" },
    says: "at least 10 characters",
  },
  "sign-up with an over-long password": {
    path: "/signup",
    form: { name: "A", email: "a@example.org", password: long(300) },
    says: "at most 200 characters",
  },
  "sign-up with an email given twice": {
    path: "/signup",
    form: { name: "A", email: ["a@example.org", "b@example.org"], password: long(12) },
    says: "email",
  },
  "sign-in without a password": { path: "/login", form: { email: "a@example.org" }, says: "Enter your password" },
  "sign-in with an over-long email": {
    path: "/login",
    form: { email: `${long(300)}@example.org`, password: "x" },
    says: "at most 254 characters",
  },
  "sign-in code with letters": {
    path: "/login/code",
    form: { email: "a@example.org", code: "abcdef" },
    says: "The code is 6 digits",
  },
  "verify with an unknown intent": {
    path: "/verify",
    form: { intent: "hack", email: "a@example.org", code: "123456" },
    says: "not known",
  },
  "verify with letters for a code": {
    path: "/verify",
    form: { intent: "verify", email: "a@example.org", code: "abcdef" },
    says: "The code is 6 digits",
  },
  "forgot password with a bad email": {
    path: "/forgot-password",
    form: { email: "@" },
    says: "Enter a valid email address",
  },
  "reset with passwords that differ": {
    path: "/reset-password",
    form: { email: "a@example.org", code: "123456", password: long(12), confirmPassword: long(13) },
    says: "The two passwords differ",
  },
  "account with an unknown intent": {
    path: "/me/account",
    form: { intent: "drop-tables" },
    as: "user",
    says: "That form action is not known.",
  },
  "account with a session id that is not an id": {
    path: "/me/account",
    form: { intent: "end-session", sessionId: "1 or 1=1" },
    as: "user",
    says: "Invalid UUID",
  },
  "users with an unknown intent": {
    path: "/staff/users",
    form: { intent: "promote-everyone" },
    as: "staff",
    says: "That form action is not known.",
  },
  "users with a user id that is not an id": {
    path: "/staff/users",
    form: { intent: "grant-staff", userId: "abc" },
    as: "staff",
    says: "Choose a user",
  },
  "users with a user who does not exist": {
    path: "/staff/users",
    form: { intent: "grant-staff", userId: "00000000-0000-4000-8000-000000000000" },
    as: "staff",
    status: 404,
    says: "That user does not exist.",
  },
  "staff invitation with a bad email": {
    path: "/staff/users",
    form: { intent: "invite-staff", email: "nobody" },
    as: "staff",
    says: "Enter a valid email address",
  },
  "an application step with an unknown intent": {
    path: "/apply/CYCLE/1",
    form: { intent: "publish", version: "0" },
    as: "user",
    says: "not known",
  },
  "an application step without its version": {
    path: "/apply/CYCLE/1",
    form: { intent: "save" },
    as: "user",
    says: "missing its version",
  },
  "an application step with a choice it does not offer": {
    path: "/apply/CYCLE/1",
    form: { intent: "save", version: "0", TRACK: "Astrology" },
    as: "user",
    says: "Choose one of the options",
  },
  "a step that does not exist": {
    path: "/apply/CYCLE/99",
    form: { intent: "save", version: "0" },
    as: "user",
    status: 404,
    says: "does not exist",
  },
  "submitting with a wrong intent": {
    path: "/apply/CYCLE/review",
    form: { intent: "send", version: "1" },
    as: "user",
    says: "not known",
  },
  "about you with an answer it does not offer": {
    path: "/apply/CYCLE/about-you",
    form: { intent: "save-about-you", gender: "Robot" },
    as: "user",
    says: "Choose one of the options",
  },
  "withdrawing something that is not an application id": {
    path: "/me/applications",
    form: { intent: "withdraw", applicationId: "42", confirm: "on" },
    as: "user",
    says: "Choose an application",
  },
  "a new cycle with a bad address": {
    path: "/staff/cycles",
    form: { ...NEW_CYCLE, slug: "Not A Slug!", timezone: "America/New_York" },
    as: "staff",
    says: "Use lower-case letters",
  },
  "a new cycle with dates the wrong way round": {
    path: "/staff/cycles",
    form: { ...NEW_CYCLE, opensAt: "2028-05-01T00:00", closesAt: "2028-04-01T00:00" },
    as: "staff",
    says: "The deadline must be after the opening",
  },
  "a new cycle in a time zone that does not exist": {
    path: "/staff/cycles",
    form: { ...NEW_CYCLE, timezone: "Mars/Base" },
    as: "staff",
    says: "Use a time zone name",
  },
  "a new cycle with words for a number": {
    path: "/staff/cycles",
    form: { ...NEW_CYCLE, reviewersPerApplication: "eleven" },
    as: "staff",
    says: "Enter a number",
  },
  "a choice question without options": {
    path: "/staff/cycles/CYCLE/questions",
    form: { intent: "add-question", section: "S", kind: "single_choice", label: "Pick", options: "" },
    as: "staff",
    says: "List at least one option",
  },
  "a question with an unknown kind": {
    path: "/staff/cycles/CYCLE/questions",
    form: { intent: "add-question", section: "S", kind: "essay", label: "Write" },
    as: "staff",
    says: "Choose a kind of answer",
  },
  "a question change with an unknown intent": {
    path: "/staff/cycles/CYCLE/questions",
    form: { intent: "explode" },
    as: "staff",
    says: "not known",
  },
  "settings saved from a stale form": {
    path: "/staff/cycles/CYCLE/settings",
    form: {
      name: "Renamed",
      slug: "SLUG",
      opensAt: "2028-04-01T00:00",
      closesAt: "2028-05-01T00:00",
      timezone: "UTC",
      reviewersPerApplication: "3",
      status: "open",
      version: "0",
    },
    as: "staff",
    status: 409,
    says: "Someone else changed this cycle",
  },
  "a criterion whose scale runs backwards": {
    path: "/staff/cycles/REVIEW/rubric",
    form: { intent: "add-criterion", name: "Skill", weight: "20", scaleMin: "5", scaleMax: "1" },
    as: "staff",
    says: "The highest score must be above the lowest",
  },
  "a criterion without weight": {
    path: "/staff/cycles/REVIEW/rubric",
    form: { intent: "add-criterion", name: "Skill", weight: "0", scaleMin: "1", scaleMax: "5" },
    as: "staff",
    says: "At least 1",
  },
  "a reviewer invitation with a negative capacity": {
    path: "/staff/cycles/REVIEW/reviewers",
    form: { intent: "invite-reviewer", email: "r@example.org", capacity: "-3" },
    as: "staff",
    says: "At least 0",
  },
  "a manual assignment without a reviewer": {
    path: "/staff/cycles/REVIEW/assignments",
    form: { intent: "assign", applicationId: "APPLICATION" },
    as: "staff",
    says: "Choose a reviewer",
  },
  "an assignment action that is not known": {
    path: "/staff/cycles/REVIEW/assignments",
    form: { intent: "shuffle" },
    as: "staff",
    says: "not known",
  },
  "marking finalists without ticking any": {
    path: "/staff/cycles/REVIEW/decisions",
    form: { intent: "mark-finalist" },
    as: "staff",
    says: "Tick at least one application",
  },
  "releasing decisions without confirming": {
    path: "/staff/cycles/REVIEW/decisions",
    form: { intent: "release" },
    as: "staff",
    says: "Tick the box to confirm",
  },
  "declaring a domain that is not a domain": {
    path: "/review",
    form: { intent: "declare-conflicts", cycleId: "REVIEWID", domains: "not a domain" },
    as: "reviewer",
    says: "Write email domains like example.org",
  },
  "declaring conflicts for a cycle one does not review": {
    path: "/review",
    form: { intent: "declare-conflicts", cycleId: "00000000-0000-4000-8000-000000000000", people: "X" },
    as: "reviewer",
    status: 404,
    says: "We could not find that review panel",
  },
  "a score off the scale": {
    path: "/review/ASSIGNMENT",
    form: { intent: "save", version: "0", SCORE: "9" },
    as: "reviewer",
    says: "To 5",
  },
  "submitting a review with scores missing": {
    path: "/review/ASSIGNMENT",
    form: { intent: "submit", version: "0", recommendation: "yes", confidence: "2" },
    as: "reviewer",
    says: "Give a score",
  },
  "a recusal without a reason": {
    path: "/review/ASSIGNMENT",
    form: { intent: "recuse", reason: "" },
    as: "reviewer",
    says: "Say briefly why",
  },
  "an organization with a bad address": {
    path: "/staff/organizations",
    form: { intent: "create-organization", name: "Host", slug: "Bad Slug!" },
    as: "staff",
    says: "Use lower-case letters",
  },
  "an organization with a website that is not one": {
    path: "/staff/organizations",
    form: { intent: "create-organization", name: "Host", slug: "host-x", website: "javascript:alert(1)" },
    as: "staff",
    says: "starting with http:// or https://",
  },
  "a position without a title": {
    path: "/staff/cycles/CYCLE/positions",
    form: { intent: "create-position", organizationId: "00000000-0000-4000-8000-000000000000", seats: "1" },
    as: "staff",
    says: "Give the position a title",
  },
  "a position for an organization that does not exist": {
    path: "/staff/cycles/CYCLE/positions",
    form: {
      intent: "create-position",
      organizationId: "00000000-0000-4000-8000-000000000000",
      title: "Fellow",
      seats: "1",
    },
    as: "staff",
    status: 404,
    says: "That organization does not exist",
  },
  "a position with negative seats": {
    path: "/staff/cycles/CYCLE/positions",
    form: {
      intent: "create-position",
      organizationId: "00000000-0000-4000-8000-000000000000",
      title: "Fellow",
      seats: "-1",
    },
    as: "staff",
    says: "At least 0",
  },
  "a ranking deadline that is not a date": {
    path: "/staff/cycles/CYCLE/matching",
    form: { intent: "set-deadline", rankingDeadline: "next week" },
    as: "staff",
    says: "Enter a date and time",
  },
  "publishing a match without confirming": {
    path: "/staff/cycles/CYCLE/matching",
    form: { intent: "publish" },
    as: "staff",
    says: "Tick the box to confirm publishing",
  },
  "publishing a match that was never run": {
    path: "/staff/cycles/CYCLE/matching",
    form: { intent: "publish", confirm: "on" },
    as: "staff",
    status: 404,
    says: "Run the matching first",
  },
  "answering a placement that does not exist": {
    path: "/me/applications",
    form: { intent: "accept-placement", applicationId: "00000000-0000-4000-8000-000000000000" },
    as: "user",
    status: 404,
    says: "We could not find that application",
  },
  "profile with a time zone that does not exist": {
    path: "/me/profile",
    form: {
      intent: "save",
      displayName: "Ana",
      disciplines: "policy",
      timezone: "Mars/Olympus",
      hoursPerMonth: "4",
      visibility: "public",
      consent: "on",
    },
    as: "user",
    says: "Use a time zone name",
  },
  "profile without agreeing to the terms": {
    path: "/me/profile",
    form: {
      intent: "save",
      displayName: "Ana",
      disciplines: "policy",
      timezone: "UTC",
      hoursPerMonth: "4",
      visibility: "public",
    },
    as: "user",
    says: "Agree to the terms",
  },
  "profile with an unknown discipline and a javascript link": {
    path: "/me/profile",
    form: {
      intent: "save",
      displayName: "Ana",
      disciplines: "wizard",
      timezone: "UTC",
      hoursPerMonth: "4",
      visibility: "public",
      links: "Me javascript:alert(1)",
      consent: "on",
    },
    as: "user",
    says: "is not a web address",
  },
  "profile with availability that ends before it starts": {
    path: "/me/profile",
    form: {
      intent: "save",
      displayName: "Ana",
      disciplines: "policy",
      timezone: "UTC",
      hoursPerMonth: "4",
      visibility: "public",
      availableFrom: "2027-05-01",
      availableUntil: "2027-04-01",
      consent: "on",
    },
    as: "user",
    says: "must be after its start",
  },
  "profile with an unknown intent": {
    path: "/me/profile",
    form: { intent: "publish-everything" },
    as: "user",
    says: "not known",
  },
  "contact message that is too short": {
    path: "/directory/PROFILE",
    form: { intent: "contact", message: "hi" },
    as: "staff",
    says: "at least 20 characters",
  },
  "contact answer for a request id that is not an id": {
    path: "/me/contacts",
    form: { intent: "accept", requestId: "1; drop table users" },
    as: "user",
    says: "Choose a message",
  },
  "campaign answer with an unknown intent": {
    path: "/me/campaigns",
    form: { intent: "maybe" },
    as: "user",
    says: "not known",
  },
  "campaign with a bad address and dates the wrong way round": {
    path: "/staff/campaigns",
    form: {
      intent: "save-campaign",
      name: "Encrypt",
      slug: "Not A Slug!",
      startsOn: "2030-02-01",
      endsOn: "2030-01-01",
      timezone: "UTC",
    },
    as: "staff",
    says: "Use lower-case letters",
  },
  "campaign need with an unknown discipline": {
    path: "/staff/campaigns/CAMPAIGN",
    form: { intent: "add-need", kind: "discipline", value: "wizardry", quantity: "2" },
    as: "staff",
    says: "A discipline is one of",
  },
  "campaign need for a thousand people": {
    path: "/staff/campaigns/CAMPAIGN",
    form: { intent: "add-need", kind: "skill", value: "design", quantity: "1000" },
    as: "staff",
    says: "At most 500",
  },
  "marking done an assignment id that is not an id": {
    path: "/staff/campaigns/CAMPAIGN",
    form: { intent: "complete", assignmentId: "all" },
    as: "staff",
    says: "Choose an assignment",
  },
  "proposal for an ally id that is not an id": {
    path: "/staff/campaigns/CAMPAIGN/suggestions",
    form: { intent: "propose", profileId: "someone" },
    as: "staff",
    says: "Choose an ally",
  },
  "ally import without a file": { path: "/staff/allies", form: {}, as: "staff", says: "Choose a CSV file" },
  "account deletion with letters for a code": {
    path: "/me/account",
    form: { intent: "confirm-deletion", code: "abcdef" },
    as: "user",
    says: "The code is 6 digits",
  },
};

describeServer("bad input to every action", (t) => {
  const users: Partial<Record<"user" | "staff" | "reviewer", TestUser>> = {};
  let cycle: TestCycle;
  let review: ReviewFixture;
  let assignmentId: string;
  let profileId: string;
  let campaignSlug: string;
  beforeAll(async () => {
    users.user = await createUser(t.server);
    users.staff = await createUser(t.server, { staff: true });
    users.reviewer = await createUser(t.server);
    cycle = await createOpenCycle(t.server.db, users.staff.id);
    review = await createReviewFixture(t.server.db, t.server.config, { applicants: 1, reviewers: 0, k: 1 });
    await t.server.db
      .insertInto("cycleReviewers")
      .values({ cycleId: review.cycle.id, userId: users.reviewer.id, capacity: 3, expertise: "[]" })
      .execute();
    const assignment = await t.server.db
      .insertInto("reviewAssignments")
      .values({
        cycleId: review.cycle.id,
        roundId: review.round.id,
        applicationId: review.applicants[0]!.applicationId,
        reviewerId: users.reviewer.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    assignmentId = assignment.id;
    profileId = (await createAlly(t.server.db, { visibility: "public" })).profileId;
    campaignSlug = `bad-input-${profileId.slice(0, 8)}`;
    await createCampaign(t.server.db, users.staff.id, {
      intent: "save-campaign",
      name: "Bad input campaign",
      slug: campaignSlug,
      summary: "",
      startsOn: "2030-01-01",
      endsOn: "2030-02-01",
      status: "planning",
      languages: [],
      timezone: "UTC",
      version: undefined,
    });
  });
  const resolve = (text: string) =>
    text
      .replaceAll("PROFILE", profileId)
      .replaceAll("CAMPAIGN", campaignSlug)
      .replaceAll("REVIEWID", review.cycle.id)
      .replaceAll("REVIEW", review.cycle.slug)
      .replaceAll("CYCLE", cycle.slug)
      .replaceAll("SLUG", cycle.slug)
      .replaceAll("ASSIGNMENT", assignmentId)
      .replaceAll("APPLICATION", review.applicants[0]!.applicationId)
      .replace("SCORE", `score_${review.criteria[0]!.id}`)
      .replace("TRACK", `q_${cycle.questions[0]!.id}`);

  for (const [name, testCase] of Object.entries(CASES)) {
    it(`${name} → ${testCase.status ?? 400} with the message`, async () => {
      const cookie = testCase.as ? users[testCase.as]!.cookie : undefined;
      const form = Object.fromEntries(
        Object.entries(testCase.form).map(([key, value]) => [
          resolve(key),
          Array.isArray(value) ? value : resolve(value),
        ]),
      );
      const response = await post(t.server, resolve(testCase.path), form, { cookie });
      expect(response.status).toBe(testCase.status ?? 400);
      const body = (await response.text()).replaceAll("<!-- -->", "");
      expect(body).toContain(testCase.says);
      expect(body).not.toMatch(/node_modules|at async|\.server\.ts/);
    });
  }

  it("an invitation token that does not exist is a 404", async () => {
    const response = await post(t.server, "/invitations/not-a-real-token", {}, { cookie: users.user!.cookie });
    expect(response.status).toBe(404);
  });
});
