import { sql } from "kysely";
import { expect, it } from "vitest";
import { sendContactRequest } from "~/network/contact.server";
import { confirmAccountDeletion, requestAccountDeletion } from "~/privacy/privacy.server";
import { inviteReviewer } from "~/review/pool.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../../support/db";
import { createAlly } from "../../support/network";
import { latestEmailTo } from "../../support/outbox";
import { createReviewFixture } from "../../support/review";
import { codeIn } from "../../support/smtp";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

// The penetration test: after deletion, `invitation.create` still held the email, and other users'
// emails still named the person in their subjects.
describeDb("account deletion leaves no email or name of the person anywhere", (t) => {
  it("scrubs audit data and other people's emails, keeping the events under a pseudonym", async () => {
    const review = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 0 });
    const person = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("Marisol.Leaving"), name: "Marisol Quintero-Vance", emailVerifiedAt: new Date() })
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await inviteReviewer(t.db, config, { id: review.staffId, name: "Staff Person" }, review.cycle, {
      email: person.email.toUpperCase(),
      capacity: 3,
      expertise: [],
    });
    const ally = await createAlly(t.db, { displayName: "Ally Staying" });
    const sent = await sendContactRequest(
      t.db,
      config,
      { id: person.id, name: person.name, roles: ["partner"] },
      ally.profileId,
      `Hello, this is marisol quintero-vance (${person.email}); may we talk?`,
    );
    expect(sent.ok).toBe(true);
    expect((await latestEmailTo(t.db, ally.email))!.subject).toContain(person.name);

    expect(await requestAccountDeletion(t.db, config, person)).toEqual({ ok: true });
    const code = codeIn((await latestEmailTo(t.db, person.email))!.text);
    expect(await confirmAccountDeletion(t.db, config, person, code)).toEqual({ ok: true });

    // Every text and JSON column of every table, searched for the address and the name.
    const columns = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()
        and (data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY') or udt_name = 'citext')`.execute(
      t.db,
    );
    const found: string[] = [];
    for (const { tableName: table, columnName: column } of columns.rows) {
      for (const needle of [person.email, person.name, "Quintero"]) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(table)}
          where ${sql.id(column)}::text ilike ${`%${needle}%`}`.execute(t.db);
        if (rows[0]!.n > 0) found.push(`${table}.${column} holds ${needle}`);
      }
    }
    expect(found).toEqual([]);

    const pseudonym = `deleted-${person.id}@deleted.invalid`;
    const invitation = await t.db
      .selectFrom("auditLog")
      .select("data")
      .where("action", "=", "invitation.create")
      .where("actorId", "=", review.staffId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(invitation.data)).toContain(pseudonym);
    const toAlly = await latestEmailTo(t.db, ally.email);
    expect(toAlly!.subject).toBe("Deleted account would like to get in touch");
  });
});
