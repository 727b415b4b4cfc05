import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // array_to_string is only "stable" for anyarray; over text[] it is immutable, which a
  // generated column needs.
  await sql`create function network_tags_text(text[]) returns text
    language sql immutable parallel safe as $$ select array_to_string($1, ' ') $$`.execute(db);

  // Every facet value of a profile as one tag ("d:policy", "s:design", "l:French", "r:Europe"), so
  // any combination of facet filters is one GIN lookup.
  await sql`create function network_facet_tokens(text[], text[], text[], text) returns text[]
    language sql immutable parallel safe as $$
      select array(select 'd:' || x from unnest($1) x) || array(select 's:' || x from unnest($2) x)
        || array(select 'l:' || x from unnest($3) x) || case when $4 is null then '{}'::text[] else array['r:' || $4] end
    $$`.execute(db);

  await db.schema
    .createTable("ally_profiles")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().unique().references("users.id").onDelete("cascade"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("headline", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("disciplines", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("skills", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("links", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("hours_per_month", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`hours_per_month between 0 and 200`),
    )
    .addColumn("available_from", "date")
    .addColumn("available_until", "date")
    .addColumn("visibility", "text", (c) =>
      c
        .notNull()
        .defaultTo("network")
        .check(sql`visibility in ('public', 'network', 'staff')`),
    )
    .addColumn("terms_version", "text", (c) => c.notNull())
    .addColumn("consented_at", "timestamptz", (c) => c.notNull())
    .addColumn("withdrawn_at", "timestamptz")
    // English stems (policies finds policy); searches match them by prefix, names included.
    .addColumn("search", sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english', display_name || ' ' || network_tags_text(skills)), 'A') ||
            setweight(to_tsvector('english', headline), 'B') || setweight(to_tsvector('english', bio), 'C')`,
        )
        .stored(),
    )
    .addColumn("facet_tokens", sql`text[]`, (c) =>
      c.generatedAlwaysAs(sql`network_facet_tokens(disciplines, skills, languages, region)`).stored(),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      "ally_profiles_availability_ck",
      sql`available_until is null or available_from is null or available_until >= available_from`,
    )
    .execute();
  await sql`create index ally_profiles_search_idx on ally_profiles using gin (search)`.execute(db);
  // Search and facet indexes per audience's reach too, so a visitor's search reads only public
  // rows (a broad word matches a quarter of the directory; reading rows it may not see dominated).
  await sql`create index ally_profiles_search_public_idx on ally_profiles using gin (search)
    where withdrawn_at is null and visibility = 'public'`.execute(db);
  await sql`create index ally_profiles_search_network_idx on ally_profiles using gin (search)
    where withdrawn_at is null and visibility in ('public', 'network')`.execute(db);
  await sql`create index ally_profiles_facets_idx on ally_profiles using gin (facet_tokens)`.execute(db);
  await sql`create index ally_profiles_facets_public_idx on ally_profiles using gin (facet_tokens)
    where withdrawn_at is null and visibility = 'public'`.execute(db);
  await sql`create index ally_profiles_facets_network_idx on ally_profiles using gin (facet_tokens)
    where withdrawn_at is null and visibility in ('public', 'network')`.execute(db);
  await sql`create index ally_profiles_listed_updated_idx on ally_profiles (updated_at desc, id)
    where withdrawn_at is null`.execute(db);

  await db.schema
    .createTable("contact_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("sender_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("profile_id", "uuid", (c) => c.notNull().references("ally_profiles.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'accepted', 'declined')`),
    )
    .addColumn("answered_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("contact_requests_sender_idx")
    .on("contact_requests")
    .columns(["sender_id", "created_at"])
    .execute();
  await db.schema.createIndex("contact_requests_profile_idx").on("contact_requests").column("profile_id").execute();

  await db.schema
    .createTable("campaigns")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", sql`citext`, (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("planning")
        .check(sql`status in ('planning', 'active', 'closed')`),
    )
    .addColumn("languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("campaigns_dates_ck", sql`ends_on >= starts_on`)
    .execute();

  await db.schema
    .createTable("campaign_needs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("campaign_id", "uuid", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('discipline', 'skill')`))
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull().check(sql`quantity between 1 and 500`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("campaign_needs_uq", ["campaign_id", "kind", "value"])
    .execute();

  await db.schema
    .createTable("campaign_assignments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("campaign_id", "uuid", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("profile_id", "uuid", (c) => c.notNull().references("ally_profiles.id").onDelete("cascade"))
    .addColumn("need_id", "uuid", (c) => c.references("campaign_needs.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("proposed")
        .check(sql`status in ('proposed', 'accepted', 'declined', 'completed')`),
    )
    .addColumn("proposed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "timestamptz")
    .addColumn("show_publicly", "boolean", (c) => c.notNull().defaultTo(false))
    // The emailed answer link: only its hash is kept; it works once and expires.
    .addColumn("reply_token_hash", "bytea", (c) => c.unique())
    .addColumn("reply_expires_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("campaign_assignments_uq", ["campaign_id", "profile_id"])
    .execute();
  await db.schema
    .createIndex("campaign_assignments_profile_idx")
    .on("campaign_assignments")
    .column("profile_id")
    .execute();
}
