import { describe, expect, it } from "vitest";
import { conflictReasons, emailDomain, type ApplicantFacts, type ReviewerFacts } from "~/review/conflicts";

const applicant: ApplicantFacts = {
  applicationId: "app-1",
  userId: "user-applicant",
  email: "ana@datoslibres.org",
  name: "Ana Souza",
  texts: ["I volunteered with Fundación Datos Libres on surveillance research.", "Bogotá"],
};
const reviewer = (facts: Partial<ReviewerFacts>): ReviewerFacts => ({
  userId: "user-reviewer",
  email: "rev@university.edu",
  declared: [],
  organizations: [],
  ...facts,
});

describe("conflictReasons", () => {
  it("finds none between strangers", () => {
    expect(conflictReasons(reviewer({}), applicant)).toEqual([]);
  });

  it("never lets someone review their own application, even from a public mail provider", () => {
    expect(
      conflictReasons(reviewer({ userId: "user-applicant", email: "me@gmail.com" }), {
        ...applicant,
        email: "me@gmail.com",
      }),
    ).toEqual(["their own application"]);
  });

  it("detects a shared institutional email domain, but not a public provider", () => {
    expect(conflictReasons(reviewer({ email: "boss@DatosLibres.org" }), applicant)).toEqual([
      "same email domain (datoslibres.org)",
    ]);
    expect(conflictReasons(reviewer({ email: "x@gmail.com" }), { ...applicant, email: "y@gmail.com" })).toEqual([]);
  });

  it("detects an organization the reviewer belongs to when the application names it, ignoring case and accents", () => {
    expect(conflictReasons(reviewer({ organizations: ["FUNDACION DATOS LIBRES"] }), applicant)).toHaveLength(1);
    expect(conflictReasons(reviewer({ organizations: ["Northway Lab"] }), applicant)).toEqual([]);
  });

  it("honours declared organizations, domains, people and applications", () => {
    expect(
      conflictReasons(reviewer({ declared: [{ kind: "organization", value: "datos libres" }] }), applicant),
    ).toHaveLength(1);
    expect(
      conflictReasons(reviewer({ declared: [{ kind: "email_domain", value: "@datoslibres.org" }] }), applicant),
    ).toEqual(["declared domain @datoslibres.org"]);
    expect(conflictReasons(reviewer({ declared: [{ kind: "person", value: "  ana   SOUZA " }] }), applicant)).toEqual([
      "declared this person",
    ]);
    expect(conflictReasons(reviewer({ declared: [{ kind: "application", value: "app-1" }] }), applicant)).toEqual([
      "declared for this application",
    ]);
    expect(conflictReasons(reviewer({ declared: [{ kind: "person", value: "Ana" }] }), applicant)).toEqual([]);
  });

  it("ignores declarations too short to mean anything", () => {
    expect(conflictReasons(reviewer({ declared: [{ kind: "organization", value: "a" }] }), applicant)).toEqual([]);
  });

  it("reads the domain after the last @", () => {
    expect(emailDomain("odd@name@Example.ORG")).toBe("example.org");
  });
});
