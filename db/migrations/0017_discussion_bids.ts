import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // The panel's discussion of one application, open to staff and to its reviewers once they have
  // submitted. `client_token` is the form's one-time token: a resubmitted post is found, not repeated.
  await db.schema
    .createTable("review_comments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 4000`))
    .addColumn("client_token", "uuid", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("review_comments_author_token_uq", ["author_id", "client_token"])
    .execute();
  await db.schema
    .createIndex("review_comments_application_idx")
    .on("review_comments")
    .columns(["application_id", "created_at"])
    .execute();

  // Who is to hear of a post, written with it; the digest job sends and stamps them, one email per
  // recipient per pass. The author is never a recipient of their own post.
  await db.schema
    .createTable("review_comment_notices")
    .addColumn("comment_id", "uuid", (c) => c.notNull().references("review_comments.id").onDelete("cascade"))
    .addColumn("recipient_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("sent_at", "timestamptz")
    .addPrimaryKeyConstraint("review_comment_notices_pk", ["comment_id", "recipient_id"])
    .execute();
  await sql`create index review_comment_notices_unsent_idx on review_comment_notices (recipient_id) where sent_at is null`.execute(
    db,
  );

  // The lead reviewer staff designate for an application (one at most); they write its meta-review.
  await db.schema
    .createTable("application_leads")
    .addColumn("application_id", "uuid", (c) => c.primaryKey().references("applications.id").onDelete("cascade"))
    .addColumn("reviewer_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("designated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One meta-review per application: the panel's summary. Staff may mark it to go to the applicant
  // with the decision; the decision release reads the mark when it queues the email.
  await db.schema
    .createTable("meta_reviews")
    .addColumn("application_id", "uuid", (c) => c.primaryKey().references("applications.id").onDelete("cascade"))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 6000`))
    .addColumn("release_to_applicant", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("release_marked_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  // A reviewer's bid on an application before assignment: a cost for the assignment, or (conflict)
  // a pair it never makes.
  await db.schema
    .createTable("review_bids")
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("reviewer_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("bid", "text", (c) => c.notNull().check(sql`bid in ('eager', 'willing', 'not_willing', 'conflict')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("review_bids_pk", ["reviewer_id", "application_id"])
    .execute();
  await db.schema.createIndex("review_bids_cycle_idx").on("review_bids").column("cycle_id").execute();
}
