import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { BarChart } from "~/components/bar-chart";
import { CycleNav } from "~/components/cycle-nav";
import { RoundSwitcher } from "~/components/round-switcher";
import { requireStaffRound } from "~/review/staff-round.server";
import { RANKING_SORTS, rankingPage } from "~/review/ranking-page.server";
import { DISAGREEMENT_SPREAD } from "~/review/scoring";

const SORTS = RANKING_SORTS;
const QuerySchema = z.object({
  sort: z.enum(SORTS).catch("calibrated").default("calibrated"),
  order: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  disagreement: z.literal("1").optional().catch(undefined),
  after: z.string().max(800).optional().catch(undefined),
});

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : value.toFixed(digits);
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(1)}`;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const ranking = await rankingPage(context.db, cycle, round, {
    sort: query.sort,
    order: query.order,
    disagreement: Boolean(query.disagreement),
    cursor: query.after ?? null,
  });
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    rounds: rounds.map(({ position, name }) => ({ position, name })),
    round: { position: round.position, name: round.name },
    query: { sort: query.sort, order: query.order, disagreement: query.disagreement, paged: Boolean(query.after) },
    minReviews: ranking.minReviews,
    total: ranking.total,
    scored: ranking.scored,
    disagreements: ranking.disagreements,
    next: ranking.next,
    rows: ranking.rows,
    distribution: ranking.distribution.flatMap((item) => {
      const criterion = ranking.criteria.find((c) => c.id === item.criterionId);
      return criterion
        ? [
            {
              name: criterion.name,
              labels: item.counts.map((_, index) => String(criterion.scaleMin + index)),
              counts: item.counts,
            },
          ]
        : [];
    }),
    biases: ranking.biases.map((row) => ({
      id: row.reviewerId,
      name: row.name,
      reviews: row.reviews,
      bias: row.bias,
      low: row.low,
      high: row.high,
    })),
    hasCriteria: ranking.criteria.length > 0,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ranking — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function RankingPage() {
  const {
    cycle,
    rounds,
    round,
    query,
    minReviews,
    total,
    scored,
    disagreements,
    next,
    rows,
    distribution,
    biases,
    hasCriteria,
  } = useLoaderData<typeof loader>();
  const roundQuery: Record<string, string> = rounds.length > 1 ? { round: String(round.position) } : {};
  const listQuery = {
    ...roundQuery,
    sort: query.sort,
    order: query.order,
    ...(query.disagreement ? { disagreement: "1" } : {}),
  };
  const sortLink = (sort: (typeof SORTS)[number]) => {
    const order = query.sort === sort && query.order === "desc" ? "asc" : "desc";
    return `?${new URLSearchParams({ ...roundQuery, sort, order, ...(query.disagreement ? { disagreement: "1" } : {}) })}`;
  };
  const ariaSort = (sort: (typeof SORTS)[number]) =>
    query.sort === sort ? (query.order === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="stack">
      <h1>{rounds.length > 1 ? `Ranking of ${cycle.name}, ${round.name}` : `Ranking of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={`/staff/cycles/${cycle.slug}/ranking`} rounds={rounds} current={round.position} />
      {!hasCriteria ? (
        <p className="notice">Set up the rubric first: the ranking comes from the reviewers' scores against it.</p>
      ) : null}
      <p>
        Every weighted rubric score (0–100) is read as the application&apos;s quality plus the reviewer&apos;s leniency
        plus noise, and the calibrated score is the quality a model fitted to all reviews estimates — what an average
        reviewer would give — with leniency shrunk toward zero for reviewers seen on few applications, and quality
        toward its track&apos;s mean when the reviews show the tracks differ (otherwise toward one mean). Its 95 %
        interval widens with fewer and more discordant reviews; applications with fewer than {minReviews} reviews are
        flagged, and reviewers disagree when their scores, leniency removed, lie {DISAGREEMENT_SPREAD} points or more
        apart.{" "}
        <a href={`/staff/cycles/${cycle.slug}/reviews.csv${rounds.length > 1 ? `?round=${round.position}` : ""}`}>
          Export every review (CSV)
        </a>
      </p>
      <Form method="get" className="toolbar">
        {rounds.length > 1 ? <input type="hidden" name="round" value={round.position} /> : null}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="order" value={query.order} />
        <label className="choice">
          <input type="checkbox" name="disagreement" value="1" defaultChecked={Boolean(query.disagreement)} />
          Only where reviewers disagree
        </label>
        <button type="submit">Filter</button>
      </Form>
      <p>
        {total} application{total === 1 ? "" : "s"}
        {query.disagreement ? " where reviewers disagree" : ""}, {scored} with a calibrated score
        {query.disagreement ? "" : `, ${disagreements} where reviewers disagree`}.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Applications by score</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col" aria-sort={ariaSort("name")}>
                <Link to={sortLink("name")}>Applicant</Link>
              </th>
              <th scope="col">Status</th>
              <th scope="col" aria-sort={ariaSort("reviews")}>
                <Link to={sortLink("reviews")}>Reviews</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("raw")}>
                <Link to={sortLink("raw")}>Raw mean</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("calibrated")}>
                <Link to={sortLink("calibrated")}>Calibrated (95 % interval)</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("spread")}>
                <Link to={sortLink("spread")}>Spread, leniency removed</Link>
              </th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.rank ?? "—"}</td>
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
                <td>
                  {row.reviews} {row.fewReviews ? <span className="flag">too few reviews</span> : null}
                </td>
                <td>{fixed(row.raw)}</td>
                <td>
                  {fixed(row.calibrated)}
                  {row.low !== null && row.high !== null ? (
                    <span className="muted">
                      {" "}
                      ({fixed(row.low)}–{fixed(row.high)})
                    </span>
                  ) : null}
                </td>
                <td>
                  {fixed(row.spread)} {row.disagreement ? <span className="flag">disagreement</span> : null}
                </td>
                <td>{row.missing || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pages">
        {query.paged ? <Link to={`?${new URLSearchParams(listQuery)}`}>First page</Link> : null}
        {next ? <Link to={`?${new URLSearchParams({ ...listQuery, after: next })}`}>Next page</Link> : null}
      </nav>
      {biases.length > 0 ? (
        <section aria-labelledby="bias-title" className="stack">
          <h2 id="bias-title">Reviewer bias estimates</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Each reviewer&apos;s estimated leniency</caption>
              <thead>
                <tr>
                  <th scope="col">Reviewer</th>
                  <th scope="col">Reviews</th>
                  <th scope="col">Leniency in points (95 % interval)</th>
                </tr>
              </thead>
              <tbody>
                {biases.map((row) => (
                  <tr key={row.id}>
                    <td>{row.name}</td>
                    <td>{row.reviews}</td>
                    <td>
                      {signed(row.bias)}{" "}
                      <span className="muted">
                        ({signed(row.low)} to {signed(row.high)})
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
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
            {biases.length > 0 ? (
              <BarChart
                title="Reviewer leniency: estimated points above (or below) an average reviewer"
                labels={biases.map((row) => row.name.split(" ")[0] ?? row.name)}
                values={biases.map((row) => row.bias)}
                unit="points"
              />
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
