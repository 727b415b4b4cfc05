import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isForeignRequest } from "~/server/security";

const trustedOrigins = ["https://fellows.example"];

describe("isForeignRequest", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(
      isForeignRequest({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", trustedOrigins }),
    ).toBe(false);
  });

  it("refuses a POST from another origin", () => {
    expect(
      isForeignRequest({ method: "POST", origin: "https://evil.example", secFetchSite: undefined, trustedOrigins }),
    ).toBe(true);
    expect(isForeignRequest({ method: "POST", origin: "null", secFetchSite: undefined, trustedOrigins })).toBe(true);
    expect(
      isForeignRequest({
        method: "DELETE",
        origin: "https://fellows.example.evil",
        secFetchSite: undefined,
        trustedOrigins,
      }),
    ).toBe(true);
  });

  it("refuses a POST a browser marks as cross-site or same-site", () => {
    expect(isForeignRequest({ method: "POST", origin: undefined, secFetchSite: "cross-site", trustedOrigins })).toBe(
      true,
    );
    expect(
      isForeignRequest({
        method: "POST",
        origin: "https://fellows.example",
        secFetchSite: "same-site",
        trustedOrigins,
      }),
    ).toBe(true);
  });

  it("accepts a same-origin POST, and a client that sends neither header", () => {
    expect(
      isForeignRequest({
        method: "POST",
        origin: "https://fellows.example",
        secFetchSite: "same-origin",
        trustedOrigins,
      }),
    ).toBe(false);
    expect(isForeignRequest({ method: "POST", origin: undefined, secFetchSite: undefined, trustedOrigins })).toBe(
      false,
    );
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids framing", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("makes a different nonce each time", () => {
    expect(createNonce()).not.toBe(createNonce());
  });
});
