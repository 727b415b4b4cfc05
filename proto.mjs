import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import { Kysely, PostgresDialect, sql } from "kysely";
let t = Date.now();
const lite = await PGlite.create("memory://", { extensions: { citext, pg_trgm } });
console.log("create", Date.now() - t);
t = Date.now();
const pool = new pg.Pool(createPgConfig(lite));
const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
await sql`create extension if not exists citext`.execute(db);
await sql`create table t (id uuid primary key default gen_random_uuid(), e citext unique, n bigint, at timestamptz default now())`.execute(
  db,
);
await db.insertInto("t").values({ e: "A@b.c", n: 5 }).execute();
console.log(await db.selectFrom("t").selectAll().where("e", "=", "a@B.C").execute());
await db.transaction().execute(async (trx) => {
  await trx.insertInto("t").values({ e: "x", n: 1 }).execute();
});
const r = await Promise.all(
  [1, 2, 3].map((i) =>
    db
      .selectFrom("t")
      .select(sql`count(*)`.as("c"))
      .execute(),
  ),
);
console.log(r, Date.now() - t);
t = Date.now();
const dump = await lite.dumpDataDir("none");
console.log("dump", Date.now() - t, dump.size);
t = Date.now();
const lite2 = await PGlite.create({ loadDataDir: dump, extensions: { citext, pg_trgm } });
console.log("load", Date.now() - t);
t = Date.now();
console.log((await lite2.query("select count(*) from t")).rows);
const lite3 = await lite.clone();
console.log("clone", Date.now() - t);
await db.destroy();
await lite.close();
