import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { PoolActionSchema } from "~/review/pool.schema";
import { inviteReviewer, listPool, removeReviewer, updateReviewer } from "~/review/pool.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
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
    title: await pageTitle(request, context, msg("cycleAdmin.reviewers.title"), cycle.name, msg("nav.staff")),
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
    message = msg("cycleAdmin.reviewers.invited", { email: value.email });
  } else {
    const result =
      value.intent === "update-reviewer"
        ? await updateReviewer(context.db, staff.id, cycle.id, value.userId, value.version, value)
        : await removeReviewer(context.db, staff.id, cycle.id, value.userId);
    if (!result.ok)
      return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    message =
      value.intent === "update-reviewer" ? msg("cycleAdmin.reviewers.saved") : msg("cycleAdmin.reviewers.removed");
  }
  return redirect(`/staff/cycles/${cycle.slug}/reviewers`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ReviewersPage() {
  const { cycle, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [inviteForm, inviteFields] = useConformForm(PoolActionSchema, {
    id: "invite-reviewer",
    lastResult: actionData?.target === "invite" ? actionData.result : undefined,
    defaultValue: { capacity: "10" },
  });
  const { t } = useTranslation();
  const f = inviteFields as unknown as Record<"email" | "capacity" | "expertise", Parameters<typeof Field>[0]["field"]>;
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.reviewers.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("cycleAdmin.reviewers.pool")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cycleAdmin.reviewers.reviewer")}</th>
              <th scope="col">{t("cycleAdmin.reviewers.load")}</th>
              <th scope="col">{t("cycleAdmin.reviewers.conflicts")}</th>
              <th scope="col">{t("cycleAdmin.reviewers.capacityExpertise")}</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("cycleAdmin.reviewers.none")}</td>
              </tr>
            ) : (
              reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <td>
                    {reviewer.name}{" "}
                    {reviewer.active ? null : (
                      <span className="badge badge-danger">{t("cycleAdmin.reviewers.removedBadge")}</span>
                    )}
                    <br />
                    <span className="muted">{reviewer.email}</span>
                  </td>
                  <td>
                    {t("cycleAdmin.rounds.submittedOf", { submitted: reviewer.submitted, assigned: reviewer.assigned })}
                    {reviewer.recused ? t("cycleAdmin.reviewers.recused", { count: reviewer.recused }) : ""}
                  </td>
                  <td>
                    {reviewer.conflicts.length ? reviewer.conflicts.join("; ") : t("cycleAdmin.reviewers.noConflicts")}
                  </td>
                  <td>
                    <FormErrors
                      errors={actionData?.target === reviewer.id ? replyErrors(actionData.result) : undefined}
                    />
                    <Form method="post" className="inline-fields">
                      <input type="hidden" name="userId" value={reviewer.id} />
                      <input type="hidden" name="version" value={reviewer.version} />
                      <div className="field">
                        <label htmlFor={`capacity-${reviewer.id}`}>{t("cycleAdmin.reviewers.capacity")}</label>
                        <input
                          id={`capacity-${reviewer.id}`}
                          name="capacity"
                          type="number"
                          min={0}
                          defaultValue={reviewer.capacity}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`expertise-${reviewer.id}`}>{t("cycleAdmin.reviewers.expertise")}</label>
                        <input
                          id={`expertise-${reviewer.id}`}
                          name="expertise"
                          type="text"
                          defaultValue={reviewer.expertise.join(", ")}
                        />
                      </div>
                      <div className="actions">
                        <button type="submit" name="intent" value="update-reviewer" className="secondary">
                          {t("cycleAdmin.fellowship.save")}
                          <span className="visually-hidden"> {reviewer.name}</span>
                        </button>
                        {reviewer.active ? (
                          <button type="submit" name="intent" value="remove-reviewer" className="danger">
                            {t("cycleAdmin.questions.remove")}
                            <span className="visually-hidden"> {reviewer.name}</span>
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
        <h2 id="invite-title">{t("cycleAdmin.reviewers.invite")}</h2>
        <p className="muted">{t("cycleAdmin.reviewers.inviteHint")}</p>
        <Form method="post" {...getFormProps(inviteForm)}>
          <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
          <Field label={t("forms.email")} field={f.email} type="email" />
          <Field label={t("cycleAdmin.reviewers.capacityMost")} field={f.capacity} type="number" />
          <Field
            label={t("cycleAdmin.reviewers.expertise")}
            field={f.expertise}
            hint={t("cycleAdmin.reviewers.expertiseHint")}
          />
          <button type="submit" name="intent" value="invite-reviewer">
            {t("cycleAdmin.reviewers.send")}
          </button>
        </Form>
      </section>
    </div>
  );
}
