import { getFormProps } from "@conform-to/react";
import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { BID_LABELS, BIDS } from "~/review/bids";
import { BidsSchema } from "~/review/bids.schema";
import { biddableApplications, biddingCycle, saveBids } from "~/review/bids.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], cycleId: string | undefined) {
  const user = await requireUser(request, context);
  const cycle = isUuid(cycleId) ? await biddingCycle(context.db, cycleId, user.id) : null;
  // Not on the panel, or not in review: answers like a missing page.
  if (!cycle) notFound("We could not find that review panel.");
  return { user, cycle };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, cycle } = await load(request, context, params.cycleId);
  const applications = await biddableApplications(context.db, cycle, user.id);
  return { cycle: { id: cycle.id, name: cycle.name, blind: cycle.blind }, applications };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, cycle } = await load(request, context, params.cycleId);
  const submission = parseSubmission(await readFormData(request), { schema: BidsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await saveBids(
    context.db,
    cycle,
    user.id,
    submission.value.bids.map((row) => ({ applicationId: row.applicationId, bid: row.bid ?? null })),
  );
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirectAfterSuccess(context.config, `/review/bids/${cycle.id}`, "Bids saved. Assignment reads them.");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Bids: ${data?.cycle.name ?? "review"} — Open Web Fellows` },
];

export default function BidsPage() {
  const { cycle, applications } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(BidsSchema, {
    id: `bids-${cycle.id}`,
    lastResult,
    defaultValue: {
      bids: applications.map((application) => ({ applicationId: application.id, bid: application.bid ?? "" })),
    },
  });
  const rows = fields.bids.getFieldList();
  return (
    <div className="stack">
      <p className="muted">{cycle.name}</p>
      <h1>Bid on applications</h1>
      <p>
        Before reviewers are assigned, say which applications you are eager to review and which you would rather not.
        The assignment prefers eager bids and avoids “not willing” ones, while keeping everyone’s load even. A
        “conflict” bid means you will never be assigned that application.
        {cycle.blind ? " Applicants’ identities are withheld in this cycle: you see only a label and the topics." : ""}
      </p>
      {applications.length === 0 ? (
        <p>No application is in review yet.</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <table>
            <caption className="visually-hidden">Your bids in {cycle.name}</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Topics</th>
                <th scope="col">Your bid</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application, index) => {
                const row = rows[index]?.getFieldset();
                const bidField = row?.bid;
                const selectId = `bid-${application.id}`;
                return (
                  <tr key={application.id}>
                    <td>
                      {application.label}
                      {application.assigned ? <span className="muted"> (assigned to you)</span> : null}
                    </td>
                    <td>{application.topics.length ? application.topics.join(", ") : "—"}</td>
                    <td>
                      <input type="hidden" name={`bids[${index}].applicationId`} value={application.id} />
                      <label htmlFor={selectId} className="visually-hidden">
                        Your bid on {application.label}
                      </label>
                      <select
                        id={selectId}
                        name={`bids[${index}].bid`}
                        defaultValue={application.bid ?? ""}
                        aria-invalid={bidField?.errors?.length ? true : undefined}
                        aria-describedby={bidField?.errors?.length ? bidField.errorId : undefined}
                      >
                        <option value="">No bid</option>
                        {BIDS.map((bid) => (
                          <option key={bid} value={bid}>
                            {BID_LABELS[bid]}
                          </option>
                        ))}
                      </select>
                      <ErrorList id={bidField?.errorId} errors={bidField?.errors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="actions">
            <button type="submit">Save bids</button>
          </div>
        </Form>
      )}
      <p>
        <Link to="/review">Back to your reviews</Link>
      </p>
    </div>
  );
}
