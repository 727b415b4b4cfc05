import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CycleSettingsForm } from "~/components/cycle-settings-form";
import { StaffNav } from "~/components/staff-nav";
import { cyclePhase, PHASE_LABELS } from "~/cycles/cycle-status";
import { CycleSettingsSchema } from "~/cycles/cycles.schema";
import { createCycle, listCyclesForStaff } from "~/cycles/cycles.server";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const cycles = await listCyclesForStaff(context.db);
  const now = new Date();
  return {
    cycles: cycles.map((cycle) => ({
      slug: cycle.slug,
      name: cycle.name,
      phase: cyclePhase(cycle, now),
      closesAt: cycle.closesAt.toISOString(),
      submitted: cycle.submitted,
      drafts: cycle.drafts,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: CycleSettingsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await createCycle(context.db, staff.id, submission.value);
  if (!result.ok) {
    return invalid(
      submission.reply(
        result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
      ),
      result.status,
    );
  }
  return redirect(`/staff/cycles/${result.slug}/questions`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: "Cycle created as a draft. Now add its questions.",
      }),
    },
  });
}

export const meta: MetaFunction = () => [{ title: "Cycles — Staff — Open Web Fellows" }];

export default function StaffCyclesPage() {
  const { cycles } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Fellowship cycles</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Cycles</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Phase</th>
              <th scope="col">Deadline</th>
              <th scope="col">Applications</th>
              <th scope="col">Drafts</th>
            </tr>
          </thead>
          <tbody>
            {cycles.length === 0 ? (
              <tr>
                <td colSpan={5}>No cycles yet.</td>
              </tr>
            ) : (
              cycles.map((cycle) => (
                <tr key={cycle.slug}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}`}>{cycle.name}</Link>
                  </td>
                  <td>{PHASE_LABELS[cycle.phase]}</td>
                  <td>{formatDateTime(cycle.closesAt)}</td>
                  <td>{cycle.submitted}</td>
                  <td>{cycle.drafts}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="new-cycle">
        <h2 id="new-cycle">New cycle</h2>
        <CycleSettingsForm id="new-cycle-form" lastResult={lastResult} submitLabel="Create the cycle" />
      </section>
    </div>
  );
}
