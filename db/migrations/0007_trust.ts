import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // How long released decisions wait before they are sent, so staff can still cancel them.
  await db.schema
    .alterTable("cycles")
    .addColumn("decision_delay_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(10)
        .check(sql`decision_delay_minutes between 0 and 1440`),
    )
    .execute();

  // A release of a cycle's pending decisions: scheduled, then sent at send_at, unless cancelled first.
  await db.schema
    .createTable("decision_releases")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("released_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("send_at", "timestamptz", (c) => c.notNull())
    .addColumn("decisions", "integer", (c) => c.notNull())
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancelled_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("decision_releases_settled_once", sql`cancelled_at is null or sent_at is null`)
    .execute();
  // At most one release of a cycle waits at a time; the finaliser reads the waiting ones by time.
  await sql`create unique index decision_releases_waiting_cycle on decision_releases (cycle_id)
    where cancelled_at is null and sent_at is null`.execute(db);
  await sql`create index decision_releases_waiting_send_at on decision_releases (send_at)
    where cancelled_at is null and sent_at is null`.execute(db);

  // The release an application's pending decision belongs to (kept after sending, as history).
  await db.schema
    .alterTable("applications")
    .addColumn("decision_release_id", "uuid", (c) => c.references("decision_releases.id").onDelete("set null"))
    .execute();
  await sql`create index applications_decision_release_idx on applications (decision_release_id)
    where decision_release_id is not null`.execute(db);

  // Being listed beyond the program staff is something a person chooses, never a default.
  await sql`alter table ally_profiles alter column visibility set default 'staff'`.execute(db);
}
