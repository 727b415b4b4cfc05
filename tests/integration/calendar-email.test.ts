import { afterAll, beforeAll, expect, it } from "vitest";
import { deliverDueEmails } from "~/email/delivery.server";
import { createSmtpTransport } from "~/email/smtp.server";
import { bookSlot, cancelBooking } from "~/interviews/bookings.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { parseCalendar } from "../support/ical";
import { addSlot } from "../support/interviews";
import { createMatchingFixture } from "../support/matching";
import { TestSmtpServer } from "../support/smtp";

const smtp = new TestSmtpServer();
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const options = { from: "Fellows <fellows@example.org>", maxAttempts: 3, baseDelayMs: 0, batchSize: 500 };

describeDb("calendar invitations by email", (t) => {
  it("arrive over SMTP as a text/calendar invitation a calendar can read, then as its cancellation", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const [finalist] = fixture.finalists;
    const slot = await addSlot(t.db, fixture.positions[0]!.id);
    await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: slot.id });
    await cancelBooking(t.db, config, { applicantId: finalist!.id, positionId: fixture.positions[0]!.id });
    const transport = createSmtpTransport(smtp.url);
    await deliverDueEmails(t.db, transport, options);
    transport.close?.();
    for (const recipient of [finalist!.email, fixture.organizations[0]!.partnerEmail]) {
      const received = smtp.messagesTo(recipient).filter((mail) => mail.subject.startsWith("Interview"));
      expect(received.map((mail) => mail.subject.split(":")[0]).sort()).toEqual([
        "Interview booked",
        "Interview cancelled",
      ]);
      for (const mail of received) {
        const calendars = mail.attachments.filter((file) => file.contentType.startsWith("text/calendar"));
        expect(calendars.length).toBeGreaterThanOrEqual(1);
        const parsed = parseCalendar(calendars[0]!.content);
        const cancelled = mail.subject.startsWith("Interview cancelled");
        expect(parsed.method).toBe(cancelled ? "CANCEL" : "REQUEST");
        expect(parsed.events[0]!.start.getTime()).toBe(slot.startsAt.getTime());
        expect(parsed.events[0]!.sequence).toBe(cancelled ? 1 : 0);
      }
    }
  });
});
