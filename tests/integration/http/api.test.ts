import { Validator } from "@seriousme/openapi-schema-validator";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { ApiErrorSchema } from "~/api/api-error";
import { API_ROUTES, type ApiRoute } from "~/api/api-routes";
import { createApiToken, revokeApiToken } from "~/api/api-tokens.server";
import { createCampaign } from "~/campaigns/campaigns.server";
import { apiRequest, createTestToken } from "../../support/api";
import { english } from "../../support/english";
import { createOpenCycle, submitTestApplication, type TestCycle } from "../../support/cycles";
import { createAlly, type TestAlly } from "../../support/network";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

describeServer("the JSON API", (t) => {
  let staff: TestUser;
  let partner: TestUser;
  let ally: TestAlly;
  let cycle: TestCycle;
  let applicationId: string;
  const campaignSlug = `api-${Date.now().toString(36)}`;
  const tokens = {} as Record<"staff" | "partner", Record<"read" | "read-write", string>>;

  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    partner = await createUser(t.server, { name: "Api Partner" });
    const org = await t.server.db
      .insertInto("organizations")
      .values({ slug: `org-${campaignSlug}`, name: "Api Org", focusAreas: "[]" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.server.db.insertInto("orgMembers").values({ organizationId: org.id, userId: partner.id }).execute();
    ally = await createAlly(t.server.db, { displayName: "Api Ally", visibility: "network" });
    cycle = await createOpenCycle(t.server.db, staff.id);
    for (let i = 0; i < 3; i++) {
      const applicant = await createUser(t.server);
      const submitted = await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
      applicationId ??= submitted.applicationId;
    }
    const created = await createCampaign(t.server.db, staff.id, {
      intent: "save-campaign",
      name: "Api Campaign",
      slug: campaignSlug,
      summary: "",
      startsOn: "2030-01-01",
      endsOn: "2030-02-01",
      status: "active",
      languages: [],
      timezone: "UTC",
      version: undefined,
    });
    if (!created.ok) throw new Error(created.message);
    for (const role of ["staff", "partner"] as const) {
      const userId = role === "staff" ? staff.id : partner.id;
      tokens[role] = {
        read: await createTestToken(t.server, userId, "read"),
        "read-write": await createTestToken(t.server, userId, "read-write"),
      };
    }
  });

  const pathOf = (route: ApiRoute) =>
    route.path
      .replace("{slug}", route.path.includes("campaigns") ? campaignSlug : cycle.slug)
      .replace("{id}", applicationId);
  const validBody = () => ({ profileId: ally.profileId });
  const writes = async () => {
    const row = await sql<{ assignments: string; emails: string }>`select
      (select count(*) from campaign_assignments) as assignments, (select count(*) from email_outbox) as emails`.execute(
      t.server.db,
    );
    return row.rows[0];
  };
  const call = (route: ApiRoute, token: string | null) =>
    apiRequest(t.server, pathOf(route), token, {
      method: route.method.toUpperCase(),
      ...(route.body ? { body: validBody() } : {}),
    });
  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    return body;
  };

  it("answers every route × role × scope as the route table says, in the documented shapes", async () => {
    for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
      for (const role of ["staff", "partner"] as const) {
        for (const scope of ["read", "read-write"] as const) {
          const before = await writes();
          const response = await call(route, tokens[role][scope]);
          const label = `${route.operationId} as ${role} with ${scope}`;
          if (!route.roles.includes(role)) {
            await expectError(response, 403, "forbidden");
            expect(await writes(), label).toEqual(before);
          } else if (route.scope === "read-write" && scope === "read") {
            await expectError(response, 403, "insufficient_scope");
            expect(await writes(), label).toEqual(before);
          } else {
            expect(response.status, label).toBe(route.status ?? 200);
            expect(response.headers.get("Cache-Control")).toBe("no-store");
            route.response.parse(await response.json());
          }
        }
      }
    }
  });

  it("refuses a missing, unknown, revoked or expired token with 401 on every route, writing nothing", async () => {
    const revoked = await createApiToken(t.server.db, staff.id, {
      name: "gone",
      scope: "read-write",
      lifetimeDays: 30,
    });
    const expired = await createApiToken(t.server.db, staff.id, { name: "old", scope: "read-write", lifetimeDays: 30 });
    if (!revoked.ok || !expired.ok) throw new Error("token not made");
    expect(await revokeApiToken(t.server.db, staff.id, revoked.id)).toBe(true);
    await t.server.db
      .updateTable("apiTokens")
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where("id", "=", expired.id)
      .execute();
    const cases = [
      [null, "Send a personal access token"],
      ["owf_pat_not-a-real-token-at-all-000000000000", "not known"],
      [revoked.token, "revoked"],
      [expired.token, "expired"],
    ] as const;
    for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
      for (const [token, message] of cases) {
        const before = await writes();
        const response = await call(route, token);
        expect(response.headers.get("WWW-Authenticate")).toContain("Bearer");
        const body = await expectError(response, 401, "unauthorized");
        expect(body.error.message).toContain(message);
        expect(await writes()).toEqual(before);
      }
    }
  });

  it("checks the owner's roles as they are now: a partner who leaves their organization is refused", async () => {
    const leaver = await createUser(t.server);
    const org = await t.server.db
      .insertInto("organizations")
      .values({ slug: `leaver-${campaignSlug}`, name: "Leaver Org", focusAreas: "[]" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.server.db.insertInto("orgMembers").values({ organizationId: org.id, userId: leaver.id }).execute();
    const token = await createTestToken(t.server, leaver.id, "read");
    expect((await apiRequest(t.server, "/api/v1/directory", token)).status).toBe(200);
    await t.server.db.deleteFrom("orgMembers").where("userId", "=", leaver.id).execute();
    await expectError(await apiRequest(t.server, "/api/v1/directory", token), 403, "forbidden");
    // Nor can someone who is neither staff nor a partner make a token.
    const made = await createApiToken(t.server.db, leaver.id, { name: "x", scope: "read", lifetimeDays: 30 });
    expect(made).toMatchObject({ ok: false, status: 403 });
  });

  it("answers a body that fails the form's schema with 400 and the field's message, writing nothing", async () => {
    const path = `/api/v1/campaigns/${campaignSlug}/assignments`;
    const token = tokens.staff["read-write"];
    const before = await writes();
    const wrong = await expectError(
      await apiRequest(t.server, path, token, { method: "POST", body: { profileId: "someone" } }),
      400,
      "bad_request",
    );
    expect(wrong.error.fields).toEqual({ profileId: ["Choose an ally"] });
    await expectError(
      await apiRequest(t.server, path, token, { method: "POST", rawBody: "{not json" }),
      400,
      "bad_request",
    );
    await expectError(
      await apiRequest(t.server, path, token, { method: "POST", rawBody: "profileId=x", contentType: "text/plain" }),
      400,
      "bad_request",
    );
    expect(await writes()).toEqual(before);
    // A well-formed body naming nobody: 404, and a second proposal of the same ally is harmless.
    const nobody = await expectError(
      await apiRequest(t.server, path, token, { method: "POST", body: { profileId: crypto.randomUUID() } }),
      404,
      "not_found",
    );
    // A sentence, as the error shape promises, not the catalog key the refusal carries.
    expect(nobody.error.message).toBe(english("staff.suggestions.allyMissing"));
    expect(nobody.error.message).not.toContain("staff.suggestions");
    const again = await apiRequest(t.server, path, token, { method: "POST", body: validBody() });
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ alreadyProposed: true });
  });

  it("pages by cursor without repeats or gaps, and refuses a made-up cursor", async () => {
    const token = tokens.staff.read;
    const path = `/api/v1/cycles/${cycle.slug}/applications?limit=2`;
    const first = API_ROUTES.listApplications.response.parse(await (await apiRequest(t.server, path, token)).json());
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = API_ROUTES.listApplications.response.parse(
      await (await apiRequest(t.server, `${path}&cursor=${first.nextCursor}`, token)).json(),
    );
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((application) => application.id);
    expect(new Set(ids).size).toBe(3);
    const all = await t.server.db.selectFrom("applications").select("id").where("cycleId", "=", cycle.id).execute();
    expect(ids.sort()).toEqual(all.map((row) => row.id).sort());
    const bad = await expectError(await apiRequest(t.server, `${path}&cursor=nonsense`, token), 400, "bad_request");
    expect(bad.error.fields).toHaveProperty("cursor");
    const badStatus = await expectError(
      await apiRequest(t.server, `/api/v1/cycles/${cycle.slug}/applications?status=maybe`, token),
      400,
      "bad_request",
    );
    expect(badStatus.error.fields).toHaveProperty("status");
    await expectError(await apiRequest(t.server, `/api/v1/cycles/no-such-cycle/applications`, token), 404, "not_found");
    await expectError(
      await apiRequest(t.server, `/api/v1/cycles/${cycle.slug}/applications/${crypto.randomUUID()}`, token),
      404,
      "not_found",
    );
    await expectError(await apiRequest(t.server, "/api/v1/nothing-here", token), 404, "not_found");
  });

  it("limits requests per token per minute with 429 and Retry-After; other tokens are not affected", async () => {
    const limited = await createTestToken(t.server, staff.id, "read");
    const other = await createTestToken(t.server, staff.id, "read");
    const config = t.server.config.integrations;
    const saved = config.apiRateLimitPerMinute;
    config.apiRateLimitPerMinute = 3;
    try {
      for (let i = 0; i < 3; i++) {
        const response = await apiRequest(t.server, "/api/v1/campaigns", limited);
        expect(response.status).toBe(200);
        expect(response.headers.get("RateLimit-Remaining")).toBe(String(2 - i));
      }
      const refused = await apiRequest(t.server, "/api/v1/campaigns", limited);
      await expectError(refused, 429, "rate_limited");
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await apiRequest(t.server, "/api/v1/campaigns", other)).status).toBe(200);
    } finally {
      config.apiRateLimitPerMinute = saved;
    }
  });

  it("serves an OpenAPI 3.1 document, valid by the OpenAPI schema, that describes every route", async () => {
    const response = await get(t.server, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
      expect(document.paths[route.path]?.[route.method], route.operationId).toBeDefined();
    }
  });

  it("makes a token at /me/account shown once, usable, listed without its value, and revocable", async () => {
    const bad = await post(
      t.server,
      "/me/account",
      { intent: "create-api-token", name: " ", scope: "read", lifetimeDays: "30" },
      { cookie: staff.cookie },
    );
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Name the token (what will use it)");
    const badScope = await post(
      t.server,
      "/me/account",
      { intent: "create-api-token", name: "x", scope: "admin", lifetimeDays: "30" },
      { cookie: staff.cookie },
    );
    expect(badScope.status).toBe(400);
    expect(await pageText(badScope)).toContain("Choose what the token may do");

    const made = await post(
      t.server,
      "/me/account",
      { intent: "create-api-token", name: "Grant tool", scope: "read", lifetimeDays: "30" },
      { cookie: staff.cookie },
    );
    expect(made.status).toBe(200);
    const token = /owf_pat_[A-Za-z0-9_-]{43}/.exec(await pageText(made))?.[0];
    expect(token).toBeDefined();
    expect((await apiRequest(t.server, "/api/v1/cycles", token!)).status).toBe(200);
    const page = await pageText(await get(t.server, "/me/account", { cookie: staff.cookie }));
    expect(page).toContain("Grant tool");
    expect(page).not.toContain(token!);
    const stored = await t.server.db
      .selectFrom("apiTokens")
      .select("tokenHash")
      .where("name", "=", "Grant tool")
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash.toString("utf8")).not.toContain(token!.slice(8));

    const row = await t.server.db
      .selectFrom("apiTokens")
      .select("id")
      .where("name", "=", "Grant tool")
      .executeTakeFirstOrThrow();
    // Another user's token id answers like a missing one.
    const foreign = await post(
      t.server,
      "/me/account",
      { intent: "revoke-api-token", tokenId: row.id },
      { cookie: partner.cookie },
    );
    expect(foreign.status).toBe(404);
    expect((await apiRequest(t.server, "/api/v1/cycles", token!)).status).toBe(200);
    const revoked = await post(
      t.server,
      "/me/account",
      { intent: "revoke-api-token", tokenId: row.id },
      { cookie: staff.cookie },
    );
    expect(revoked.status).toBe(302);
    await expectError(await apiRequest(t.server, "/api/v1/cycles", token!), 401, "unauthorized");

    // Someone who may not use the API has no section and cannot make a token by posting the form.
    const plain = await createUser(t.server);
    expect(await pageText(await get(t.server, "/me/account", { cookie: plain.cookie }))).not.toContain("API access");
    const refused = await post(
      t.server,
      "/me/account",
      { intent: "create-api-token", name: "x", scope: "read", lifetimeDays: "30" },
      { cookie: plain.cookie },
    );
    expect(refused.status).toBe(403);
  });
});
