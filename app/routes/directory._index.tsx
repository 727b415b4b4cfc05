import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { directoryAudience } from "~/auth/roles";
import { DirectoryResults, disciplineLabel } from "~/components/directory-results";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.query.q
      ? `“${data.query.q}” — Network directory — Open Web Fellows`
      : "Network directory — Open Web Fellows",
  },
];

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
  // With JavaScript a ticked box applies at once; without it the Search button does.
  const applyOnChange = (event: FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLInputElement).name !== "q") submit(event.currentTarget, { replace: true });
  };
  const page = (number: number) => directoryHref(query, { page: number } as Partial<DirectoryQuery>);
  return (
    <div className="stack">
      <h1>Network directory</h1>
      <p className="lede">
        Technologists, artists, researchers and policy people who help with campaigns for a healthy internet.
        {audience === "public" ? " Sign in as a partner, reviewer, fellow or ally to see more of the network." : ""}
      </p>
      <div className="directory-layout">
        <Form
          method="get"
          action="/directory"
          className="facets card"
          role="search"
          aria-label="Search the directory"
          onChange={applyOnChange}
          key={directoryHref(query)}
        >
          <div className="field">
            <label htmlFor="directory-q">Name, skill or words</label>
            <input id="directory-q" type="search" name="q" defaultValue={query.q} aria-describedby="directory-q-hint" />
            <p id="directory-q-hint" className="hint">
              &quot;exact phrase&quot;, -exclude, or
            </p>
          </div>
          <div className="field">
            <label htmlFor="directory-sort">Sort by</label>
            <select id="directory-sort" name="sort" defaultValue={query.sort}>
              <option value="relevance">Best match</option>
              <option value="updated">Recently updated</option>
            </select>
          </div>
          <button type="submit">Search</button>
          {facets.approximate ? (
            <p className="hint">So many allies match that the counts below are estimates.</p>
          ) : null}
          <fieldset>
            <legend>Availability</legend>
            <label className="choice">
              <input type="checkbox" name="available" value="now" defaultChecked={query.availableNow} />
              Available now <span className="muted">({facets.availableNow})</span>
            </label>
          </fieldset>
          <FacetGroup
            legend="Discipline"
            name="discipline"
            counts={facets.disciplines}
            chosen={query.disciplines}
            label={disciplineLabel}
          />
          <FacetGroup legend="Skills" name="skill" counts={facets.skills} chosen={query.skills} />
          <FacetGroup legend="Languages" name="language" counts={facets.languages} chosen={query.languages} />
          <FacetGroup
            legend="Region"
            name="region"
            counts={facets.regions}
            chosen={query.region ? [query.region] : []}
          />
          <p>
            <Link to="/directory">Clear the search</Link>
          </p>
        </Form>
        <section aria-labelledby="results-title" aria-busy={navigation.state === "loading"}>
          <h2 id="results-title" aria-live="polite">
            {facets.approximateTotal ? "About " : ""}
            {facets.total === 1 ? "1 ally" : `${facets.total.toLocaleString("en")} allies`}
          </h2>
          {tooBroadToRank ? (
            <p>Too many matches to rank by best match: most recently updated first. More words narrow it.</p>
          ) : null}
          <DirectoryResults profiles={profiles} />
          <nav className="pagination" aria-label="Pages">
            {query.page > 1 ? <Link to={page(query.page - 1)}>Previous page</Link> : null}
            {hasMore ? <Link to={page(query.page + 1)}>Next page</Link> : null}
          </nav>
        </section>
      </div>
    </div>
  );
}
