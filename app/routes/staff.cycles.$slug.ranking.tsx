import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { BarChart } from "~/components/bar-chart";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cycleRanking } from "~/review/ranking.server";
import { DISAGREEMENT_SPREAD, MIN_REVIEWS_FOR_NORMALISATION } from "~/review/scoring";

const SORTS = ["normalised", "raw", "spread", "reviews", "name"] as const;
const QuerySchema = z.object({
  sort: z.enum(SORTS).catch("normalised").default("normalised"),
  order: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  disagreement: z.literal("1").optional().catch(undefined),
});

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : value.toFixed(digits);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const ranking = await cycleRanking(context.db, cycle.id);
  const key = (row: (typeof ranking.applications)[number]): number | string | null =>
    query.sort === "name"
      ? row.name
      : query.sort === "raw"
        ? (row.score?.rawMean ?? null)
        : query.sort === "spread"
          ? (row.score?.spread ?? null)
          : query.sort === "reviews"
            ? (row.score?.reviewCount ?? 0)
            : (row.score?.normalisedMean ?? null);
  const direction = query.order === "asc" ? 1 : -1;
  const rows = ranking.applications
    .filter((row) => !query.disagreement || row.score?.disagreement)
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      if (x === y) return a.name.localeCompare(b.name);
      return (x < y ? -1 : 1) * direction;
    });
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    query,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      pendingDecision: row.pendingDecision,
      reviews: row.score?.reviewCount ?? 0,
      raw: row.score?.rawMean ?? null,
      normalised: row.score?.normalisedMean ?? null,
      normalisedCount: row.score?.normalisedCount ?? 0,
      spread: row.score?.spread ?? null,
      disagreement: row.score?.disagreement ?? false,
    })),
    distribution: ranking.distribution.map((item) => {
      const criterion = ranking.criteria.find((c) => c.id === item.criterionId)!;
      return {
        name: criterion.name,
        labels: item.counts.map((_, index) => String(criterion.scaleMin + index)),
        counts: item.counts,
      };
    }),
    strictness: ranking.strictness
      .filter((row) => row.deviationFromPanel !== null)
      .map((row) => ({ name: row.name.split(" ")[0] ?? row.name, deviation: row.deviationFromPanel! })),
    hasCriteria: ranking.criteria.length > 0,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ranking — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function RankingPage() {
  const { cycle, query, rows, distribution, strictness, hasCriteria } = useLoaderData<typeof loader>();
  const sortLink = (sort: (typeof SORTS)[number]) => {
    const order = query.sort === sort && query.order === "desc" ? "asc" : "desc";
    return `?${new URLSearchParams({ sort, order, ...(query.disagreement ? { disagreement: "1" } : {}) })}`;
  };
  const ariaSort = (sort: (typeof SORTS)[number]) =>
    query.sort === sort ? (query.order === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="stack">
      <h1>{`Ranking of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      {!hasCriteria ? (
        <p className="notice">Set up the rubric first: the ranking comes from the reviewers' scores against it.</p>
      ) : null}
      <p>
        Raw score: the weighted rubric score on 0–100, averaged over an application's reviews. Normalised: each
        reviewer's scores turned into z-scores over their own reviews (for reviewers with at least{" "}
        {MIN_REVIEWS_FOR_NORMALISATION}), so a harsh or lenient reviewer does not decide a fate. Spread: the gap between
        the highest and lowest raw score; at {DISAGREEMENT_SPREAD} or more the reviewers disagree and the application
        deserves a closer look. <a href={`/staff/cycles/${cycle.slug}/reviews.csv`}>Export every review (CSV)</a>
      </p>
      <Form method="get" className="toolbar">
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="order" value={query.order} />
        <label className="choice">
          <input type="checkbox" name="disagreement" value="1" defaultChecked={Boolean(query.disagreement)} />
          Only where reviewers disagree
        </label>
        <button type="submit">Filter</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Applications by score</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name")}>
                <Link to={sortLink("name")}>Applicant</Link>
              </th>
              <th scope="col">Status</th>
              <th scope="col" aria-sort={ariaSort("reviews")}>
                <Link to={sortLink("reviews")}>Reviews</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("raw")}>
                <Link to={sortLink("raw")}>Raw (0–100)</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("normalised")}>
                <Link to={sortLink("normalised")}>Normalised (z)</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("spread")}>
                <Link to={sortLink("spread")}>Spread</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/staff/cycles/${cycle.slug}/applications/${row.id}`}>{row.name}</Link>
                </td>
                <td>
                  {APPLICATION_STATUS_LABELS[row.status]}
                  {row.pendingDecision ? (
                    <span className="muted">
                      {" "}
                      (pending: {APPLICATION_STATUS_LABELS[row.pendingDecision].toLowerCase()})
                    </span>
                  ) : null}
                </td>
                <td>{row.reviews}</td>
                <td>{fixed(row.raw)}</td>
                <td>
                  {fixed(row.normalised, 2)}
                  {row.normalised !== null && row.normalisedCount < row.reviews ? (
                    <span className="muted">
                      {" "}
                      ({row.normalisedCount} of {row.reviews})
                    </span>
                  ) : null}
                </td>
                <td>
                  {fixed(row.spread)} {row.disagreement ? <span className="flag">disagreement</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {distribution.length > 0 ? (
        <section aria-labelledby="charts-title" className="stack">
          <h2 id="charts-title">How reviewers scored</h2>
          <div className="charts">
            {distribution.map((item) => (
              <BarChart
                key={item.name}
                title={`${item.name}: reviews per score`}
                labels={item.labels}
                values={item.counts}
                unit="reviews"
              />
            ))}
            {strictness.length > 0 ? (
              <BarChart
                title="Reviewer strictness: points above (or below) the other reviewers of the same applications"
                labels={strictness.map((row) => row.name)}
                values={strictness.map((row) => row.deviation)}
                unit="points"
              />
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
