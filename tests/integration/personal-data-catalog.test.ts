import { sql } from "kysely";
import { expect, it } from "vitest";
import { PERSONAL_DATA_COLUMNS } from "~/privacy/personal-data";
import { describeDb } from "../support/db";

// A new text or JSON column fails here until someone decides whether it can hold a person's email
// or name, and so whether account deletion must scrub it (app/privacy/personal-data.ts).
describeDb("the personal-data catalog", (t) => {
  it("classifies every text and JSON column of the schema, and no column that does not exist", async () => {
    const { rows } = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()
        and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY') or udt_name = 'citext')
      order by table_name, column_name`.execute(t.db);
    const inSchema = rows.map((row) => `${row.tableName}.${row.columnName}`);
    const classified = Object.entries(PERSONAL_DATA_COLUMNS)
      .flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`))
      .sort();
    expect(
      inSchema.filter((column) => !classified.includes(column)),
      "not classified",
    ).toEqual([]);
    expect(
      classified.filter((column) => !inSchema.includes(column)),
      "classified but missing",
    ).toEqual([]);
  });

  it("marks for scrubbing only columns that can be rewritten (not generated, not arrays)", async () => {
    const { rows } = await sql<{ tableName: string; columnName: string; dataType: string; isGenerated: string }>`
      select table_name, column_name, data_type, is_generated from information_schema.columns
      where table_schema = current_schema()`.execute(t.db);
    const unfit = Object.entries(PERSONAL_DATA_COLUMNS).flatMap(([table, columns]) =>
      Object.entries(columns)
        .filter(([, kind]) => kind === "scrub")
        .map(([column]) => rows.find((row) => row.tableName === table && row.columnName === column)!)
        .filter((row) => row.isGenerated !== "NEVER" || row.dataType === "ARRAY")
        .map((row) => `${row.tableName}.${row.columnName}`),
    );
    expect(unfit).toEqual([]);
  });
});
