import { beforeAll, expect, it } from "vitest";
import { createOpenCycle, type TestCycle } from "../../support/cycles";
import { createUser, describeServer, post, type TestUser } from "../../support/server";

type Form = Record<string, string | string[]>;
interface Case {
  /** A path, where CYCLE stands for the slug of an open test cycle. */
  path: string;
  form: Form;
  as?: "user" | "staff";
  status?: number;
  /** Words the answer must show (a field's message). */
  says: string;
}

const long = (n: number) => "x".repeat(n);

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
};

describeServer("bad input to every action", (t) => {
  const users: Partial<Record<"user" | "staff", TestUser>> = {};
  let cycle: TestCycle;
  beforeAll(async () => {
    users.user = await createUser(t.server);
    users.staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, users.staff.id);
  });
  const resolve = (text: string) =>
    text.replaceAll("CYCLE", cycle.slug).replaceAll("SLUG", cycle.slug).replace("TRACK", `q_${cycle.questions[0]!.id}`);

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
