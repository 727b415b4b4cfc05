import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { submitApplication } from "~/applications/applications.server";
import { deliverDueWebhooks, type WebhookDeliveryOptions } from "~/webhooks/webhook-delivery.server";
import { ensureDemoWebhookSink } from "~/webhooks/demo-sink.server";
import { createEndpoint } from "~/webhooks/webhook-endpoints.server";
import { WEBHOOK_EVENTS } from "~/webhooks/webhook-events";
import { createOpenCycle, submitTestApplication, type TestCycle } from "../../support/cycles";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";
import { startWebhookReceiver } from "../../support/webhook-receiver";

describeServer("signed webhooks", (t) => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let staff: TestUser;
  let cycle: TestCycle;
  let endpoint: { id: string; secret: string };
  // A generous timeout for answers that come at once (a loaded machine); the slow receiver's pass uses a short one.
  const options: WebhookDeliveryOptions = { timeoutMs: 5_000, maxAttempts: 3, retryBaseMs: 10 };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, staff.id);
  });
  afterAll(async () => {
    await receiver?.close();
  });
  beforeEach(async () => {
    await sql`delete from webhook_endpoints`.execute(t.server.db);
    receiver.received.length = 0;
    endpoint = await createEndpoint(t.server.db, staff.id, {
      url: receiver.url,
      description: "test receiver",
      events: ["application.submitted", "application.withdrawn"],
    });
  });

  const deliveries = () =>
    t.server.db
      .selectFrom("webhookDeliveries")
      .selectAll()
      .where("endpointId", "=", endpoint.id)
      .orderBy("createdAt")
      .execute();
  const makeDue = () => sql`update webhook_deliveries set next_attempt_at = now()`.execute(t.server.db);
  const verify = (index: number) => {
    const { headers, body } = receiver.received[index]!;
    return new Webhook(endpoint.secret).verify(body, headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
  };

  it("queues the event in the change's transaction and delivers it signed, verified by the standardwebhooks library", async () => {
    const applicant = await createUser(t.server);
    const { applicationId } = await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
    // Written with the submission, before any network: nothing has been sent yet.
    expect(await deliveries()).toMatchObject([{ event: "application.submitted", status: "pending", attempts: 0 }]);
    expect(receiver.received).toHaveLength(0);

    expect(await deliverDueWebhooks(t.server.db, options)).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const payload = verify(0);
    expect(payload.type).toBe("application.submitted");
    expect(payload.data).toMatchObject({ applicationId, cycleId: cycle.id });
    const [delivery] = await deliveries();
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(`msg_${delivery!.id}`);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });

    // A tampered body or another secret does not verify.
    const { headers, body } = receiver.received[0]!;
    expect(() =>
      new Webhook(endpoint.secret).verify(body.replace("submitted", "withdrawn"), headers as Record<string, string>),
    ).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(body, headers as Record<string, string>),
    ).toThrow();
  });

  it("writes nothing for an event nobody subscribed to, or when the change is rolled back", async () => {
    const applicant = await createUser(t.server);
    // A submission refused (wrong version): no delivery.
    const refused = await submitApplication(t.server.db, t.server.config, {
      cycleId: cycle.id,
      applicantId: applicant.id,
      version: 99,
    });
    expect(refused.ok).toBe(false);
    expect(await deliveries()).toHaveLength(0);
    await t.server.db.updateTable("webhookEndpoints").set({ active: false }).where("id", "=", endpoint.id).execute();
    await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
    expect(await deliveries()).toHaveLength(0);
  });

  it("retries a 5xx and a slow receiver with backoff, with the same webhook-id, then marks failed after the last attempt", async () => {
    const applicant = await createUser(t.server);
    await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
    receiver.answerNext({ status: 503 }, { status: 200, delayMs: 4_000 }, { status: 500 });

    expect(await deliverDueWebhooks(t.server.db, options)).toEqual({ delivered: 0, retried: 1, failed: 0 });
    let [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503 });
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);
    // Not due yet: the backoff holds it back.
    await sql`update webhook_deliveries set next_attempt_at = now() + interval '1 hour'`.execute(t.server.db);
    expect(await deliverDueWebhooks(t.server.db, options)).toEqual({ delivered: 0, retried: 0, failed: 0 });

    await makeDue();
    const started = performance.now();
    expect(await deliverDueWebhooks(t.server.db, { ...options, timeoutMs: 500 })).toEqual({
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    expect(performance.now() - started).toBeLessThan(3_500);
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: null });
    expect(delivery!.lastError).toContain("No answer within 500 ms");

    await makeDue();
    expect(await deliverDueWebhooks(t.server.db, options)).toEqual({ delivered: 0, retried: 0, failed: 1 });
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500 });
    const ids = new Set(receiver.received.map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    for (let i = 0; i < receiver.received.length; i++) expect(verify(i).type).toBe("application.submitted");
  });

  it("lets staff add endpoints (https, or http only to loopback), read the log and send again, JS off", async () => {
    const applicant = await createUser(t.server);
    await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
    receiver.answerNext({ status: 500 });
    await deliverDueWebhooks(t.server.db, { ...options, maxAttempts: 1 });
    const page = await pageText(await get(t.server, "/staff/webhooks", { cookie: staff.cookie }));
    expect(page).toContain(receiver.url);
    expect(page).toContain("The receiver answered 500");
    expect(page).toContain("Failed");

    const [failed] = await deliveries();
    const again = await post(
      t.server,
      "/staff/webhooks",
      { intent: "resend", deliveryId: failed!.id },
      { cookie: staff.cookie },
    );
    expect(again.status).toBe(302);
    expect(await deliveries()).toMatchObject([{ status: "pending", attempts: 0 }]);
    expect(await deliverDueWebhooks(t.server.db, options)).toMatchObject({ delivered: 1 });

    const plainHttp = await post(
      t.server,
      "/staff/webhooks",
      { intent: "add-endpoint", url: "http://tools.example.org/hook", events: ["ally.joined"] },
      { cookie: staff.cookie },
    );
    expect(plainHttp.status).toBe(400);
    expect(await pageText(plainHttp)).toContain("Use an https:// address (plain http only to localhost)");
    const noEvents = await post(
      t.server,
      "/staff/webhooks",
      { intent: "add-endpoint", url: "https://tools.example.org/hook" },
      { cookie: staff.cookie },
    );
    expect(noEvents.status).toBe(400);
    expect(await pageText(noEvents)).toContain("Choose at least one event");
    const added = await post(
      t.server,
      "/staff/webhooks",
      { intent: "add-endpoint", url: "https://tools.example.org/hook", events: ["ally.joined", "match.published"] },
      { cookie: staff.cookie },
    );
    expect(added.status).toBe(302);
    const row = await t.server.db
      .selectFrom("webhookEndpoints")
      .selectAll()
      .where("url", "=", "https://tools.example.org/hook")
      .executeTakeFirstOrThrow();
    expect(row.events).toEqual(["ally.joined", "match.published"]);
    expect(row.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const other = await createUser(t.server);
    expect((await get(t.server, "/staff/webhooks", { cookie: other.cookie })).status).toBe(403);
    expect(
      (await post(t.server, "/staff/webhooks", { intent: "resend", deliveryId: failed!.id }, { cookie: other.cookie }))
        .status,
    ).toBe(403);
  });

  it("the demo's sink is registered once, takes the portal's own signed deliveries, refuses a forged one, and exists only in a demo", async () => {
    const sink = `${t.server.url}/demo/webhook-sink`;
    const forged = {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "msg_forged",
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      },
      body: JSON.stringify({ type: "ally.joined", data: {} }),
    };
    expect((await fetch(sink, forged)).status).toBe(404);

    t.server.config.demoDatabase = true;
    try {
      await ensureDemoWebhookSink(t.server.db, t.server.config.appUrl);
      await ensureDemoWebhookSink(t.server.db, t.server.config.appUrl);
      const sinks = await t.server.db
        .selectFrom("webhookEndpoints")
        .select(["id", "events"])
        .where("url", "=", sink)
        .execute();
      expect(sinks).toHaveLength(1);
      expect([...sinks[0]!.events].sort()).toEqual([...WEBHOOK_EVENTS].sort());

      const applicant = await createUser(t.server);
      await submitTestApplication(t.server.db, t.server.config, cycle, applicant.id);
      await deliverDueWebhooks(t.server.db, options);
      const delivered = await t.server.db
        .selectFrom("webhookDeliveries")
        .select(["event", "status", "lastStatusCode"])
        .where("endpointId", "=", sinks[0]!.id)
        .execute();
      expect(delivered).toEqual([{ event: "application.submitted", status: "delivered", lastStatusCode: 204 }]);

      expect((await fetch(sink, forged)).status).toBe(401);
    } finally {
      t.server.config.demoDatabase = false;
    }
  });
});
