import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completeAssignment } from "~/campaigns/assignments.server";
import { CampaignSchema, CompleteSchema, NeedSchema, RemoveNeedSchema } from "~/campaigns/campaigns.schema";
import { addNeed, listAssignments, needProgress, removeNeed, updateCampaign } from "~/campaigns/campaigns.server";
import { loadStaffCampaign } from "~/campaigns/staff-campaign.server";
import { CampaignForm } from "~/components/campaign-form";
import { ErrorList, Field, FormErrors, replyErrors } from "~/components/forms";
import { needLabel, NeedProgressBar } from "~/components/need-progress";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { StaffNav } from "~/components/staff-nav";
import { useConformForm } from "~/components/use-conform";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound, unknownIntent } from "~/utils/http.server";
import { RowAction } from "~/components/row-action";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, translationsOf } from "~/i18n/content.server";

const ASSIGNMENT_STATUS_KEYS: Record<"proposed" | "accepted" | "declined" | "completed", MessageKey> = {
  proposed: "staff.campaign.assignmentStatus.proposed",
  accepted: "staff.campaign.assignmentStatus.accepted",
  declined: "staff.campaign.assignmentStatus.declined",
  completed: "staff.campaign.assignmentStatus.completed",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { campaign } = await loadStaffCampaign(request, context, params.slug);
  const [needs, assignments, translations] = await Promise.all([
    needProgress(context.db, campaign.id),
    listAssignments(context.db, campaign.id),
    translationsOf(context.db, "campaign", [campaign.id]),
  ]);
  return {
    title: await pageTitle(request, context, campaign.name, msg("staff.campaigns.title"), msg("staff.nav.label")),
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
    return back(`/staff/campaigns/${result.slug}`, msg("staff.campaign.saved"));
  }
  if (intent === "add-need") {
    const submission = parseSubmission(formData, { schema: NeedSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    await addNeed(context.db, staff.id, campaign.id, submission.value);
    return back(`/staff/campaigns/${campaign.slug}`, msg("staff.campaign.needSaved"));
  }
  if (intent === "remove-need") {
    const submission = parseSubmission(formData, { schema: RemoveNeedSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    if (!(await removeNeed(context.db, staff.id, campaign.id, submission.value.needId)))
      notFound(msg("staff.campaign.needMissing"));
    return back(`/staff/campaigns/${campaign.slug}`, msg("staff.campaign.needRemoved"));
  }
  if (intent === "complete") {
    const submission = parseSubmission(formData, { schema: CompleteSchema });
    if (submission.status !== "success") return invalid({ intent, result: submission.reply() });
    const result = await completeAssignment(context.db, staff.id, campaign.id, submission.value.assignmentId);
    if (!result.ok) {
      if (result.status === 404) notFound(result.message);
      return invalid({ intent, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    }
    return back(`/staff/campaigns/${campaign.slug}`, msg("staff.campaign.markedDone"));
  }
  unknownIntent();
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{campaign.name}</h1>
      <StaffNav />
      <p>
        <Link to={`/staff/campaigns/${campaign.slug}/suggestions`}>{t("staff.campaign.suggestions")}</Link> ·{" "}
        <Link to={`/campaigns/${campaign.slug}`}>{t("staff.campaign.publicPage")}</Link>
      </p>
      {actionData?.intent === "remove-need" || actionData?.intent === "complete" ? (
        <FormErrors errors={replyErrors(actionData.result)} />
      ) : null}
      <section aria-labelledby="needs-title" className="card">
        <h2 id="needs-title">{t("staff.campaign.staffing")}</h2>
        {needs.length === 0 ? <p>{t("staff.campaign.noNeeds")}</p> : null}
        {needs.map((need) => (
          <div key={need.id}>
            <NeedProgressBar need={need} />
            <RowAction
              intent="remove-need"
              idField="needId"
              id={need.id}
              label={t("staff.campaign.remove")}
              hiddenDetail={t("staff.campaign.removeDetail", { need: needLabel(need) })}
              variant="secondary"
            />
          </div>
        ))}
        <Form method="post" {...getFormProps(needForm)} className="toolbar">
          <FormErrors id={needForm.errorId} errors={needForm.errors} />
          <input type="hidden" name="intent" value="add-need" />
          <div className="field">
            <label htmlFor={needFields.kind.id}>{t("staff.campaign.kind")}</label>
            <select key={kindKey} {...kindProps}>
              <option value="skill">{t("staff.campaign.kindSkill")}</option>
              <option value="discipline">{t("staff.campaign.kindDiscipline")}</option>
            </select>
            <ErrorList id={needFields.kind.errorId} errors={needFields.kind.errors} />
          </div>
          <Field label={t("staff.campaign.needValue")} field={needFields.value} hint={t("staff.campaign.needHint")} />
          <Field label={t("staff.campaign.quantity")} field={needFields.quantity} type="number" />
          <button type="submit">{t("staff.campaign.addNeed")}</button>
        </Form>
      </section>
      <section aria-labelledby="assignments-title" className="stack">
        <h2 id="assignments-title">{t("staff.campaign.asked")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("staff.campaign.askedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.campaign.ally")}</th>
                <th scope="col">{t("staff.campaign.for")}</th>
                <th scope="col">{t("staff.campaign.status")}</th>
                <th scope="col">{t("staff.campaign.answered")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("staff.campaign.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t("staff.campaign.nobodyAsked")}</td>
                </tr>
              ) : (
                assignments.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/directory/${a.profileId}`}>{a.displayName}</Link>
                    </td>
                    <td>{a.needValue ?? "—"}</td>
                    <td>{t(ASSIGNMENT_STATUS_KEYS[a.status])}</td>
                    <td>{a.answeredAt ? format.dateTime(a.answeredAt) : "—"}</td>
                    <td>
                      {a.status === "accepted" ? (
                        <RowAction
                          intent="complete"
                          idField="assignmentId"
                          id={a.id}
                          label={t("staff.campaign.markDone")}
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
        <h2 id="details-title">{t("staff.campaign.details")}</h2>
        <CampaignForm
          id="campaign-details"
          defaults={campaign}
          lastResult={actionData?.intent === "save-campaign" ? actionData.result : undefined}
          submitLabel={t("staff.campaign.save")}
        />
      </section>
      <section className="card narrow" aria-labelledby="summary-translations">
        <h2 id="summary-translations">{t("staff.campaign.translationsTitle")}</h2>
        <p className="muted">{t("staff.campaign.translationsHint")}</p>
        <TranslationsForm
          itemId={campaign.id}
          itemName={msg("staff.campaign.theSummary")}
          translations={translations}
          reply={translationReply}
          fields={[
            { name: "summary", label: msg("staff.campaignForm.summary"), original: campaign.summary, multiline: true },
          ]}
        />
      </section>
    </div>
  );
}
