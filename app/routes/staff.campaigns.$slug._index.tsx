import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { completeAssignment } from "~/campaigns/assignments.server";
import {
  ASSIGNMENT_STATUS_LABELS,
  CampaignSchema,
  CompleteSchema,
  NeedSchema,
  RemoveNeedSchema,
} from "~/campaigns/campaigns.schema";
import { addNeed, listAssignments, needProgress, removeNeed, updateCampaign } from "~/campaigns/campaigns.server";
import { loadStaffCampaign } from "~/campaigns/staff-campaign.server";
import { CampaignForm } from "~/components/campaign-form";
import { ErrorList, Field, FormErrors, replyErrors } from "~/components/forms";
import { needLabel, NeedProgressBar } from "~/components/need-progress";
import { StaffNav } from "~/components/staff-nav";
import { useConformForm } from "~/components/use-conform";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound, unknownIntent } from "~/utils/http.server";
import { RowAction } from "~/components/row-action";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, translationsOf } from "~/i18n/content.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { campaign } = await loadStaffCampaign(request, context, params.slug);
  const [needs, assignments, translations] = await Promise.all([
    needProgress(context.db, campaign.id),
    listAssignments(context.db, campaign.id),
    translationsOf(context.db, "campaign", [campaign.id]),
  ]);
  return {
    campaign,
    /** The summary in other languages, as the public page shows it (issue 16). */
    translations: translations.get(campaign.id) ?? {},
    needs,
    assignments: assignments.map((a) => ({
      id: a.id,
      status: a.status,
      profileId: a.profileId,
      displayName: a.displayName,
      needValue: a.needValue,
      answeredAt: a.answeredAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, campaign } = await loadStaffCampaign(request, context, params.slug);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "translate")
    return translationAction(context, formData, staff.id, "campaign", campaign.id, `/staff/campaigns/${campaign.slug}`);
  const back = async (to: string, message: string) =>
    redirect(to, { headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) } });
  if (intent === "save-campaign") {
    const submission = parseSubmission(formData, { schema: CampaignSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    const result = await updateCampaign(context.db, staff.id, campaign.id, submission.value);
    if (!result.ok) {
      const errors = result.field
        ? { fieldErrors: { [result.field]: [result.message] } }
        : { formErrors: [result.message] };
      return invalid({ intent, result: submission.reply(errors) }, result.status);
    }
    return back(`/staff/campaigns/${result.slug}`, "Campaign saved.");
  }
  if (intent === "add-need") {
    const submission = parseSubmission(formData, { schema: NeedSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    await addNeed(context.db, staff.id, campaign.id, submission.value);
    return back(`/staff/campaigns/${campaign.slug}`, "Need saved.");
  }
  if (intent === "remove-need") {
    const submission = parseSubmission(formData, { schema: RemoveNeedSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    if (!(await removeNeed(context.db, staff.id, campaign.id, submission.value.needId)))
      notFound("That need does not exist.");
    return back(`/staff/campaigns/${campaign.slug}`, "Need removed.");
  }
  if (intent === "complete") {
    const submission = parseSubmission(formData, { schema: CompleteSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    const result = await completeAssignment(context.db, staff.id, campaign.id, submission.value.assignmentId);
    if (!result.ok) {
      if (result.status === 404) notFound(result.message);
      return invalid({ intent, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    }
    return back(`/staff/campaigns/${campaign.slug}`, "Marked done.");
  }
  unknownIntent();
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.name} — Campaigns — Staff — Open Web Fellows` : "Campaign" },
];

export default function StaffCampaignPage() {
  const { campaign, needs, assignments, translations } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const translationReply = reply && "target" in reply ? reply : undefined;
  const actionData = reply && "intent" in reply ? reply : undefined;
  const needResult = actionData?.intent === "add-need" ? actionData.result : undefined;
  const [needForm, needFields] = useConformForm(NeedSchema, {
    id: "add-need",
    lastResult: needResult,
    defaultValue: { kind: "skill", quantity: "1" },
  });
  const { key: kindKey, ...kindProps } = getSelectProps(needFields.kind);
  return (
    <div className="stack">
      <h1>{campaign.name}</h1>
      <StaffNav />
      <p>
        <Link to={`/staff/campaigns/${campaign.slug}/suggestions`}>Suggested allies</Link> ·{" "}
        <Link to={`/campaigns/${campaign.slug}`}>Public page</Link>
      </p>
      {actionData?.intent === "remove-need" || actionData?.intent === "complete" ? (
        <FormErrors errors={replyErrors(actionData.result)} />
      ) : null}
      <section aria-labelledby="needs-title" className="card">
        <h2 id="needs-title">Staffing</h2>
        {needs.length === 0 ? <p>No needs yet: add what the campaign needs below.</p> : null}
        {needs.map((need) => (
          <div key={need.id}>
            <NeedProgressBar need={need} />
            <RowAction
              intent="remove-need"
              idField="needId"
              id={need.id}
              label="Remove"
              hiddenDetail={` the need for ${needLabel(need)}`}
              variant="secondary"
            />
          </div>
        ))}
        <Form method="post" {...getFormProps(needForm)} className="toolbar">
          <FormErrors id={needForm.errorId} errors={needForm.errors} />
          <input type="hidden" name="intent" value="add-need" />
          <div className="field">
            <label htmlFor={needFields.kind.id}>Kind</label>
            <select key={kindKey} {...kindProps}>
              <option value="skill">Skill</option>
              <option value="discipline">Discipline</option>
            </select>
            <ErrorList id={needFields.kind.errorId} errors={needFields.kind.errors} />
          </div>
          <Field label="Skill or discipline" field={needFields.value} hint="e.g. security training, or policy" />
          <Field label="How many" field={needFields.quantity} type="number" />
          <button type="submit">Add the need</button>
        </Form>
      </section>
      <section aria-labelledby="assignments-title" className="stack">
        <h2 id="assignments-title">Allies asked</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Allies asked to join</caption>
            <thead>
              <tr>
                <th scope="col">Ally</th>
                <th scope="col">For</th>
                <th scope="col">Status</th>
                <th scope="col">Answered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.length === 0 ? (
                <tr>
                  <td colSpan={5}>Nobody has been asked yet.</td>
                </tr>
              ) : (
                assignments.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/directory/${a.profileId}`}>{a.displayName}</Link>
                    </td>
                    <td>{a.needValue ?? "—"}</td>
                    <td>{ASSIGNMENT_STATUS_LABELS[a.status]}</td>
                    <td>{a.answeredAt ? formatDateTime(a.answeredAt) : "—"}</td>
                    <td>
                      {a.status === "accepted" ? (
                        <RowAction
                          intent="complete"
                          idField="assignmentId"
                          id={a.id}
                          label="Mark done"
                          hiddenDetail={`: ${a.displayName}`}
                          variant="secondary"
                        />
                      ) : null}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card narrow" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <CampaignForm
          id="campaign-details"
          defaults={campaign}
          lastResult={actionData?.intent === "save-campaign" ? actionData.result : undefined}
          submitLabel="Save the campaign"
        />
      </section>
      <section className="card narrow" aria-labelledby="summary-translations">
        <h2 id="summary-translations">The summary in other languages</h2>
        <p className="muted">
          Visitors read the summary in their language where it is translated, else as written above.
        </p>
        <TranslationsForm
          itemId={campaign.id}
          itemName="the summary"
          translations={translations}
          reply={translationReply}
          fields={[{ name: "summary", label: "Summary", original: campaign.summary, multiline: true }]}
        />
      </section>
    </div>
  );
}
