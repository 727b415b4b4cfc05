import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MIN_GROUP_SIZE } from "~/applications/demographics";
import { summariseDemographics } from "~/applications/demographics.server";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const summary = await summariseDemographics(context.db, cycle.id);
  return { cycle: { slug: cycle.slug, name: cycle.name }, ...summary };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Demographics — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function DemographicsPage() {
  const { cycle, respondents, fields } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{`Who applied to ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        Optional, self-described answers, shown only as totals over groups of at least {MIN_GROUP_SIZE} people. Smaller
        groups are hidden, never listed per person.
      </p>
      {respondents === null ? (
        <p className="notice">Fewer than {MIN_GROUP_SIZE} applicants have answered so far.</p>
      ) : (
        <>
          <p>{respondents} applicants answered at least in part.</p>
          {fields.map((field) => (
            <section key={field.field}>
              <h2>{field.label}</h2>
              <table>
                <caption className="visually-hidden">{field.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Answer</th>
                    <th scope="col">People</th>
                  </tr>
                </thead>
                <tbody>
                  {field.groups.map((group) => (
                    <tr key={group.value}>
                      <td>{group.value}</td>
                      <td>{group.count ?? `hidden (small group)`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
