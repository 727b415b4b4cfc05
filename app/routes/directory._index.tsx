import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { directoryAudience } from "~/auth/roles";
import { DirectoryResults, disciplineText, regionText } from "~/components/directory-results";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { directoryHref, parseDirectoryQuery, type DirectoryQuery } from "~/network/directory-query";
import { searchDirectory, type FacetCount } from "~/network/directory.server";
import { getOptionalUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const audience = directoryAudience(user);
  const { profiles, hasMore, ranked, facets } = await searchDirectory(context.db, query, audience);
  // A view model: what a card shows, nothing more (no email, no user id, no visibility).
  return {
    title: query.q
      ? await pageTitle(request, context, `“${query.q}”`, msg("directory.title"))
      : await pageTitle(request, context, msg("directory.title")),
    query,
    audience,
    hasMore,
    // Words asked to be ranked, but too many matches to rank (see rankedSearchSql).
    tooBroadToRank: query.sort === "relevance" && Boolean(query.q) && !ranked,
    facets,
    profiles: profiles.map((profile) => ({
      id: profile.id,
      displayName: profile.displayName,
      headline: profile.headline,
      disciplines: profile.disciplines,
      skills: profile.skills,
      languages: profile.languages,
      country: profile.country,
      region: profile.region,
      availableNow: profile.availableNow,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

/** Facet values with their counts, plus any chosen value that no longer has matches (so it can be unticked). */
function withChosen(counts: FacetCount[], chosen: readonly string[]): FacetCount[] {
  const missing = chosen.filter((value) => !counts.some((count) => count.value === value));
  return [...counts, ...missing.map((value) => ({ value, count: 0 }))];
}

function FacetGroup({
  legend,
  name,
  counts,
  chosen,
  label = (value) => value,
}: {
  legend: string;
  name: string;
  counts: FacetCount[];
  chosen: readonly string[];
  label?: (value: string) => string;
}) {
  const values = withChosen(counts, chosen);
  if (values.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map(({ value, count }) => (
        <label key={value} className="choice">
          <input type="checkbox" name={name} value={value} defaultChecked={chosen.includes(value)} />
          {label(value)} <span className="muted">({count})</span>
        </label>
      ))}
    </fieldset>
  );
}

export default function DirectoryPage() {
  const { query, audience, hasMore, tooBroadToRank, facets, profiles } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const format = useFormat();
  // With JavaScript a ticked box applies at once; without it the Search button does.
  const applyOnChange = (event: FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLInputElement).name !== "q") submit(event.currentTarget, { replace: true });
  };
  const page = (number: number) => directoryHref(query, { page: number } as Partial<DirectoryQuery>);
  return (
    <div className="stack">
      <h1>{t("directory.title")}</h1>
      <p className="lede">
        {t("directory.lede")}
        {audience === "public" ? ` ${t("directory.signInForMore")}` : ""}
      </p>
      <div className="directory-layout">
        <Form
          method="get"
          action="/directory"
          className="facets card"
          role="search"
          aria-label={t("directory.searchLabel")}
          onChange={applyOnChange}
          key={directoryHref(query)}
        >
          <div className="field">
            <label htmlFor="directory-q">{t("directory.q")}</label>
            <input id="directory-q" type="search" name="q" defaultValue={query.q} aria-describedby="directory-q-hint" />
            <p id="directory-q-hint" className="hint">
              {t("directory.qHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="directory-sort">{t("directory.sort")}</label>
            <select id="directory-sort" name="sort" defaultValue={query.sort}>
              <option value="relevance">{t("directory.relevance")}</option>
              <option value="updated">{t("directory.updated")}</option>
            </select>
          </div>
          <button type="submit">{t("directory.search")}</button>
          {facets.approximate ? <p className="hint">{t("directory.approximate")}</p> : null}
          <fieldset>
            <legend>{t("directory.availability")}</legend>
            <label className="choice">
              <input type="checkbox" name="available" value="now" defaultChecked={query.availableNow} />
              {t("directory.availableNow")} <span className="muted">({facets.availableNow})</span>
            </label>
          </fieldset>
          <FacetGroup
            legend={t("directory.discipline")}
            name="discipline"
            counts={facets.disciplines}
            chosen={query.disciplines}
            label={(value) => disciplineText(t, value)}
          />
          <FacetGroup legend={t("directory.skills")} name="skill" counts={facets.skills} chosen={query.skills} />
          <FacetGroup
            legend={t("directory.languages")}
            name="language"
            counts={facets.languages}
            chosen={query.languages}
          />
          <FacetGroup
            legend={t("directory.region")}
            name="region"
            counts={facets.regions}
            chosen={query.region ? [query.region] : []}
            label={(value) => regionText(t, value)}
          />
          <p>
            <Link to="/directory">{t("directory.clear")}</Link>
          </p>
        </Form>
        <section aria-labelledby="results-title" aria-busy={navigation.state === "loading"}>
          <h2 id="results-title" aria-live="polite">
            {facets.approximateTotal
              ? t("directory.aboutAllies", { count: facets.total, total: format.number(facets.total) })
              : t("directory.allies", { count: facets.total, total: format.number(facets.total) })}
          </h2>
          {tooBroadToRank ? <p>{t("directory.tooBroad")}</p> : null}
          <DirectoryResults profiles={profiles} t={t} />
          <nav className="pagination" aria-label={t("directory.pages")}>
            {query.page > 1 ? <Link to={page(query.page - 1)}>{t("directory.previous")}</Link> : null}
            {hasMore ? <Link to={page(query.page + 1)}>{t("directory.next")}</Link> : null}
          </nav>
        </section>
      </div>
    </div>
  );
}
