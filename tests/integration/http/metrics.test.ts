import { sql } from "kysely";
import { expect, it } from "vitest";
import { routeLabel } from "~/server/observability";
import { createEndpoint } from "~/webhooks/webhook-endpoints.server";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";
import { describeServer, get } from "../../support/server";

const TOKEN = "metrics-token-for-the-tests-0001";

describeServer(
  "metrics and request ids",
  (t) => {
    const scrape = (token?: string) =>
      get(t.server, "/metrics", token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const value = (text: string, series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };

    it("answers 401 without the metrics token, or with a wrong one", async () => {
      expect((await scrape()).status).toBe(401);
      expect((await scrape("wrong-token-wrong-token-wrong")).status).toBe(401);
    });

    it("reports latency by route, the database pool, and each queue's depth and age", async () => {
      // Bodies read to the end: a compressed page finishes (and is counted) after its headers arrive.
      await (await get(t.server, "/login")).text();
      await (await get(t.server, `/cycles/${"x".repeat(30)}`)).text();
      await sql`delete from webhook_endpoints`.execute(t.server.db);
      await createEndpoint(t.server.db, null, {
        url: "https://example.org/h",
        description: "",
        events: ["ally.joined"],
      });
      await t.server.db.transaction().execute((trx) => enqueueWebhook(trx, "ally.joined", { profileId: "p" }));
      await sql`update webhook_deliveries set created_at = now() - interval '90 seconds'`.execute(t.server.db);

      const response = await scrape(TOKEN);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain("text/plain");
      const text = await response.text();
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/login",status="200"\}/,
      );
      // A variable part of an address is folded, so each page is one series.
      expect(text).toContain('route="/cycles/:param"');
      expect(value(text, 'db_pool_connections{state="max"}')).toBeGreaterThan(0);
      expect(value(text, 'queue_depth{queue="webhook"}')).toBe(1);
      expect(value(text, 'queue_oldest_age_seconds{queue="webhook"}')).toBeGreaterThanOrEqual(90);
      expect(value(text, 'queue_depth{queue="email"}')).toBeGreaterThanOrEqual(0);
    });

    it("gives every response a request id, keeping a well-formed one the client sent", async () => {
      const fresh = await get(t.server, "/login");
      expect(fresh.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await get(t.server, "/login", { headers: { "X-Request-Id": "trace-abc-12345" } });
      expect(kept.headers.get("X-Request-Id")).toBe("trace-abc-12345");
      const replaced = await get(t.server, "/login", { headers: { "X-Request-Id": "bad id with spaces!" } });
      expect(replaced.headers.get("X-Request-Id")).not.toContain("bad");
    });

    it("folds ids, numbers and tokens out of route labels", () => {
      expect(routeLabel("/staff/cycles/cycle-2027/applications/7d0c7e0e-9a57-4a57-9b1c-1f2e3d4c5b6a")).toBe(
        "/staff/cycles/:param/applications/:param",
      );
      expect(routeLabel("/directory.data")).toBe("/directory");
      expect(routeLabel("/")).toBe("/");
    });
  },
  { METRICS_TOKEN: TOKEN },
);
