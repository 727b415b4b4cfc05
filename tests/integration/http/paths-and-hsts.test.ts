import { expect, it } from "vitest";
import { describeServer, get } from "../../support/server";

// Finding 10 of the penetration test (issue 11): a malformed percent-encoding in a path answered
// 500 with a stack trace in the log (the console-error guard fails a test on any logged error),
// and nothing told browsers to keep to https.
describeServer("malformed addresses", (t) => {
  it.each(["/directory/%E0%A4%A", "/%", "/files/%ZZ", "/cycles/%C3%28", "/assets/%E0%A4%A"])(
    "answers %s with 400 and a short message",
    async (path) => {
      const response = await get(t.server, path);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toMatch(/address/i);
      expect(text).not.toMatch(/at [\w.]+ \(|node_modules|URIError/);
    },
  );

  it("still serves well-formed encoded addresses", async () => {
    expect((await get(t.server, "/directory?q=%C3%A9cole")).status).toBe(200);
    expect((await get(t.server, "/no/such/%C3%A9")).status).toBe(404);
  });

  it("sends no HSTS header over plain http", async () => {
    const response = await get(t.server, "/login");
    expect(response.headers.get("Strict-Transport-Security")).toBeNull();
  });
});

describeServer(
  "served at an https address",
  (t) => {
    it("tells browsers to use https only (HSTS)", async () => {
      for (const path of ["/login", "/healthz", "/no/such/page"]) {
        const response = await get(t.server, path);
        expect(response.headers.get("Strict-Transport-Security"), path).toBe("max-age=31536000; includeSubDomains");
      }
    });
  },
  { APP_URL: "https://fellows.example.org" },
);
