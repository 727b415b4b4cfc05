import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // The calibrated ranking of a round, computed once per change of its inputs (reviews, rubric,
  // panel expertise) and kept, so the staff pages read one page of it in SQL instead of refitting
  // the model over every review on every request (seconds at 5,000 applications).
  await sql`
    create table round_rankings (
      round_id uuid primary key references review_rounds(id) on delete cascade,
      fingerprint text not null,
      summary jsonb not null,
      computed_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table round_ranking_rows (
      round_id uuid not null references round_rankings(round_id) on delete cascade,
      application_id uuid not null references applications(id) on delete cascade,
      rank integer,
      score double precision,
      low double precision,
      high double precision,
      raw_mean double precision,
      review_count integer not null,
      residual_spread double precision,
      disagreement boolean not null,
      few_reviews boolean not null,
      primary key (round_id, application_id)
    )
  `.execute(db);
  await sql`create index round_ranking_rows_rank on round_ranking_rows (round_id, rank)`.execute(db);
}
