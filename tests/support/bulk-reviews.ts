import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * Adds `count` applications in review to a fixture's cycle, each reviewed by `k` of its reviewers
 * (round-robin) with scores on every criterion of the round: three INSERT … SELECT statements, so
 * 5,000 applications × 3 reviews take seconds (the benchmark) and a test can cross a page boundary
 * cheaply. Scores come from a hash of the application's number, so runs are repeatable.
 */
export async function addReviewedApplications(
  db: DB,
  fixture: {
    cycle: { id: string };
    round: { id: string };
    reviewers: { id: string }[];
    criteria: { id: string }[];
  },
  count: number,
  { k = 3, label = "Bulk" }: { k?: number; label?: string } = {},
): Promise<void> {
  const tag = `${label.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const reviewerIds = fixture.reviewers.map((reviewer) => reviewer.id);
  const criterionIds = fixture.criteria.map((criterion) => criterion.id);
  await sql`
    insert into users (email, name)
    select ${tag} || '-' || g || '@bulk.test', ${label} || ' Applicant ' || lpad(g::text, 5, '0')
    from generate_series(1, ${count}::int) g`.execute(db);
  await sql`
    insert into applications (cycle_id, applicant_id, status, answers, submitted_at)
    select ${fixture.cycle.id}::uuid, u.id, 'in_review', '{}'::jsonb, now() - make_interval(mins => n::int)
    from (select id, row_number() over (order by email) as n from users where email like ${tag + "-%"}) u`.execute(db);
  if (reviewerIds.length === 0 || k === 0) return;
  await sql`
    insert into review_assignments (cycle_id, round_id, application_id, reviewer_id, status)
    select ${fixture.cycle.id}::uuid, ${fixture.round.id}::uuid, a.id,
      (${reviewerIds}::uuid[])[1 + ((a.n + j) % ${reviewerIds.length}::int)], 'submitted'
    from (select applications.id, row_number() over (order by users.email) as n
          from applications join users on users.id = applications.applicant_id
          where users.email like ${tag + "-%"}) a
    cross join generate_series(0, ${k - 1}::int) j`.execute(db);
  await sql`
    insert into reviews (assignment_id, scores, comments, submitted_at, overall_comment)
    select ra.id,
      (select jsonb_object_agg(c, 1 + abs(hashtext(ra.id::text || c)) % 5) from unnest(${criterionIds}::text[]) c),
      '{}'::jsonb, now(), ''
    from review_assignments ra join applications a on a.id = ra.application_id
    join users u on u.id = a.applicant_id
    where u.email like ${tag + "-%"}`.execute(db);
}
