import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMissingSummary } from "~/components/missing-summary";
import { z } from "zod";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { BarChart } from "~/components/bar-chart";
import { CycleNav } from "~/components/cycle-nav";
import { RoundSwitcher } from "~/components/round-switcher";
import { useScoreFormat } from "~/components/use-score-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
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
    title: await pageTitle(request, context, msg("selection.ranking.pageTitle"), cycle.name, msg("nav.staff")),
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

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
  const { t, i18n } = useTranslation();
  const missingSummary = useMissingSummary();
  const { fixed, signed } = useScoreFormat();
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
      <h1>
        {rounds.length > 1
          ? t("selection.ranking.headingRound", { cycle: cycle.name, round: round.name })
          : t("selection.ranking.heading", { cycle: cycle.name })}
      </h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={`/staff/cycles/${cycle.slug}/ranking`} rounds={rounds} current={round.position} />
      {!hasCriteria ? <p className="notice">{t("selection.ranking.noRubric")}</p> : null}
      <p>
        {t("selection.ranking.method", { count: minReviews, spread: DISAGREEMENT_SPREAD })}{" "}
        <a href={`/staff/cycles/${cycle.slug}/reviews.csv${rounds.length > 1 ? `?round=${round.position}` : ""}`}>
          {t("selection.ranking.export")}
        </a>
      </p>
      <Form method="get" className="toolbar">
        {rounds.length > 1 ? <input type="hidden" name="round" value={round.position} /> : null}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="order" value={query.order} />
        <label className="choice">
          <input type="checkbox" name="disagreement" value="1" defaultChecked={Boolean(query.disagreement)} />
          {t("selection.ranking.onlyDisagreement")}
        </label>
        <button type="submit">{t("selection.filter")}</button>
      </Form>
      <p>
        {query.disagreement
          ? t("selection.ranking.totalDisagreeing", { count: total, scored })
          : t("selection.ranking.total", { count: total, scored, disagreements })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("selection.ranking.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("selection.ranking.rank")}</th>
              <th scope="col" aria-sort={ariaSort("name")}>
                <Link to={sortLink("name")}>{t("selection.applicant")}</Link>
              </th>
              <th scope="col">{t("selection.status")}</th>
              <th scope="col" aria-sort={ariaSort("reviews")}>
                <Link to={sortLink("reviews")}>{t("selection.reviews")}</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("raw")}>
                <Link to={sortLink("raw")}>{t("selection.ranking.rawMean")}</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("calibrated")}>
                <Link to={sortLink("calibrated")}>{t("selection.ranking.calibrated")}</Link>
              </th>
              <th scope="col" aria-sort={ariaSort("spread")}>
                <Link to={sortLink("spread")}>{t("selection.ranking.spread")}</Link>
              </th>
              <th scope="col">{t("selection.missing")}</th>
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
                  {t(APPLICATION_STATUS_KEYS[row.status])}
                  {row.pendingDecision ? (
                    <span className="muted">
                      {t("selection.ranking.pendingDecision", {
                        decision: t(APPLICATION_STATUS_KEYS[row.pendingDecision]).toLocaleLowerCase(i18n.language),
                      })}
                    </span>
                  ) : null}
                </td>
                <td>
                  {row.reviews}{" "}
                  {row.fewReviews ? <span className="flag">{t("selection.ranking.fewReviews")}</span> : null}
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
                  {fixed(row.spread)}{" "}
                  {row.disagreement ? <span className="flag">{t("selection.ranking.disagreement")}</span> : null}
                </td>
                <td>{missingSummary(row.missing) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label={t("selection.pages")}>
        {query.paged ? <Link to={`?${new URLSearchParams(listQuery)}`}>{t("selection.firstPage")}</Link> : null}
        {next ? (
          <Link to={`?${new URLSearchParams({ ...listQuery, after: next })}`}>{t("selection.nextPage")}</Link>
        ) : null}
      </nav>
      {biases.length > 0 ? (
        <section aria-labelledby="bias-title" className="stack">
          <h2 id="bias-title">{t("selection.ranking.biasTitle")}</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("selection.ranking.biasCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("selection.reviewer")}</th>
                  <th scope="col">{t("selection.reviews")}</th>
                  <th scope="col">{t("selection.ranking.leniency")}</th>
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
                        {t("selection.ranking.interval", { low: signed(row.low), high: signed(row.high) })}
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
          <h2 id="charts-title">{t("selection.ranking.chartsTitle")}</h2>
          <div className="charts">
            {distribution.map((item) => (
              <BarChart
                key={item.name}
                title={t("selection.ranking.perScore", { name: item.name })}
                labels={item.labels}
                values={item.counts}
                unit={t("selection.ranking.unitReviews")}
              />
            ))}
            {biases.length > 0 ? (
              <BarChart
                title={t("selection.ranking.leniencyChart")}
                labels={biases.map((row) => row.name.split(" ")[0] ?? row.name)}
                values={biases.map((row) => row.bias)}
                unit={t("selection.ranking.unitPoints")}
              />
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
