import { describe, expect, it } from "vitest";
import { describeOidcProblem, type OidcProblem } from "~/auth/oidc-problems";
import { english } from "../support/english";
import { ConfigError, loadConfig } from "~/utils/config.server";

const client = { OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" };

describe("single sign-on settings", () => {
  it("is off without an issuer, and needs the client's id and secret with one", () => {
    expect(loadConfig({}).integrations.oidc).toBeUndefined();
    expect(() => loadConfig({ OIDC_ISSUER: "https://id.example.org" })).toThrow(/OIDC_CLIENT_ID/);
    const oidc = loadConfig({ OIDC_ISSUER: "https://id.example.org", ...client, OIDC_PROVIDER_NAME: "Fellows ID" })
      .integrations.oidc;
    expect(oidc?.issuer.href).toBe("https://id.example.org/");
    expect(oidc?.providerName).toBe("Fellows ID");
  });

  it("refuses a provider over plain http unless it is on this machine", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "http://id.example.org", ...client })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: "http://id.example.org", ...client })).toThrow(/must use https/);
    expect(loadConfig({ OIDC_ISSUER: "http://127.0.0.1:4000", ...client }).integrations.oidc).toBeDefined();
    expect(loadConfig({ OIDC_ISSUER: "http://localhost:4000", ...client }).integrations.oidc).toBeDefined();
  });
});

describe("refused single sign-on pages", () => {
  const cases: [OidcProblem, number, string][] = [
    ["expired", 400, "This sign-in has expired"],
    ["state-mismatch", 400, "This sign-in does not match"],
    ["rejected", 400, "This sign-in could not be verified"],
    ["provider-error", 400, "Sign-in did not complete"],
    ["access-denied", 403, "Sign-in was cancelled"],
    ["no-email", 403, "No email address was shared"],
    ["unverified-email", 403, "Your email address is not verified"],
    ["deleted", 403, "This account was deleted"],
    ["unavailable", 503, "Fellows ID is not answering"],
  ];
  it.each(cases)("%s answers %i with a title that says what happened", (problem, status, title) => {
    const view = describeOidcProblem(problem, "Fellows ID");
    expect(view.status).toBe(status);
    expect(english(view.title)).toBe(title);
  });
});
