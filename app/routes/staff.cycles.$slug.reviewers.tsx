import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { PoolActionSchema } from "~/review/pool.schema";
import { inviteReviewer, listPool, removeReviewer, updateReviewer } from "~/review/pool.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const [pool, declared] = await Promise.all([
    listPool(context.db, cycle.id),
    context.db
      .selectFrom("conflicts")
      .select(["reviewerId", "kind", "value", "source"])
      .where("cycleId", "=", cycle.id)
      .where("source", "!=", "recusal")
      .execute(),
  ]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    reviewers: pool.map((reviewer) => ({
      ...reviewer,
      assigned: Number(reviewer.assigned),
      submitted: Number(reviewer.submitted),
      recused: Number(reviewer.recused),
      conflicts: declared
        .filter((conflict) => conflict.reviewerId === reviewer.id)
        .map((conflict) => `${conflict.kind.replace("_", " ")}: ${conflict.value}`),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  const target = String(formData.get("userId") ?? "invite");
  const submission = parseSubmission(formData, { schema: PoolActionSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  let message: string;
  if (value.intent === "invite-reviewer") {
    await inviteReviewer(context.db, context.config, staff, cycle, value);
    message = `Invitation sent to ${value.email}.`;
  } else {
    const result =
      value.intent === "update-reviewer"
        ? await updateReviewer(context.db, staff.id, cycle.id, value.userId, value.version, value)
        : await removeReviewer(context.db, staff.id, cycle.id, value.userId);
    if (!result.ok)
      return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    message =
      value.intent === "update-reviewer"
        ? "Reviewer saved."
        : "Reviewer removed; their unfinished reviews will be reassigned by the next run.";
  }
  return redirect(`/staff/cycles/${cycle.slug}/reviewers`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reviewers — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function ReviewersPage() {
  const { cycle, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [inviteForm, inviteFields] = useConformForm(PoolActionSchema, {
    id: "invite-reviewer",
    lastResult: actionData?.target === "invite" ? actionData.result : undefined,
    defaultValue: { capacity: "10" },
  });
  const f = inviteFields as unknown as Record<"email" | "capacity" | "expertise", Parameters<typeof Field>[0]["field"]>;
  return (
    <div className="stack">
      <h1>{`Reviewers of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Reviewer pool</caption>
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Load</th>
              <th scope="col">Declared conflicts</th>
              <th scope="col">Capacity and expertise</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.length === 0 ? (
              <tr>
                <td colSpan={4}>No reviewers yet: invite some below.</td>
              </tr>
            ) : (
              reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <td>
                    {reviewer.name} {reviewer.active ? null : <span className="badge badge-danger">removed</span>}
                    <br />
                    <span className="muted">{reviewer.email}</span>
                  </td>
                  <td>
                    {reviewer.submitted} of {reviewer.assigned} submitted
                    {reviewer.recused ? `, ${reviewer.recused} recused` : ""}
                  </td>
                  <td>{reviewer.conflicts.length ? reviewer.conflicts.join("; ") : "None declared"}</td>
                  <td>
                    <FormErrors
                      errors={actionData?.target === reviewer.id ? replyErrors(actionData.result) : undefined}
                    />
                    <Form method="post" className="inline-fields">
                      <input type="hidden" name="userId" value={reviewer.id} />
                      <input type="hidden" name="version" value={reviewer.version} />
                      <div className="field">
                        <label htmlFor={`capacity-${reviewer.id}`}>Capacity</label>
                        <input
                          id={`capacity-${reviewer.id}`}
                          name="capacity"
                          type="number"
                          min={0}
                          defaultValue={reviewer.capacity}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`expertise-${reviewer.id}`}>Expertise (comma-separated)</label>
                        <input
                          id={`expertise-${reviewer.id}`}
                          name="expertise"
                          type="text"
                          defaultValue={reviewer.expertise.join(", ")}
                        />
                      </div>
                      <div className="actions">
                        <button type="submit" name="intent" value="update-reviewer" className="secondary">
                          Save<span className="visually-hidden"> {reviewer.name}</span>
                        </button>
                        {reviewer.active ? (
                          <button type="submit" name="intent" value="remove-reviewer" className="danger">
                            Remove<span className="visually-hidden"> {reviewer.name}</span>
                          </button>
                        ) : null}
                      </div>
                    </Form>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite a reviewer</h2>
        <p className="muted">
          They get a single-use link (valid 7 days); accepting it adds them to this cycle, creating an account if
          needed.
        </p>
        <Form method="post" {...getFormProps(inviteForm)}>
          <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
          <Field label="Email" field={f.email} type="email" />
          <Field label="Capacity (most reviews)" field={f.capacity} type="number" />
          <Field
            label="Expertise (comma-separated)"
            field={f.expertise}
            hint="For example: Open Web, Tech Policy, security"
          />
          <button type="submit" name="intent" value="invite-reviewer">
            Send invitation
          </button>
        </Form>
      </section>
    </div>
  );
}
