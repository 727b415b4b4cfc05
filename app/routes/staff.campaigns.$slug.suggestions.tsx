import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { proposeAssignment } from "~/campaigns/assignments.server";
import { ProposeSchema } from "~/campaigns/campaigns.schema";
import { needProgress } from "~/campaigns/campaigns.server";
import { loadStaffCampaign } from "~/campaigns/staff-campaign.server";
import { suggestAllies } from "~/campaigns/suggestions.server";
import { FormErrors, replyErrors } from "~/components/forms";
import { needLabel, NeedProgressBar } from "~/components/need-progress";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { campaign } = await loadStaffCampaign(request, context, params.slug);
  const needs = await needProgress(context.db, campaign.id);
  const suggestions = await suggestAllies(context.db, campaign, needs);
  return {
    title: await pageTitle(
      request,
      context,
      msg("staff.campaign.suggestions"),
      campaign.name,
      msg("staff.campaigns.title"),
      msg("staff.nav.label"),
    ),
    campaign: { name: campaign.name, slug: campaign.slug, status: campaign.status },
    needs,
    suggestions: suggestions.map((s) => ({
      profileId: s.profileId,
      displayName: s.displayName,
      headline: s.headline,
      score: s.fit.score,
      reasons: s.fit.reasons,
      needs: s.fit.matchedNeeds.map((need) => ({ id: need.id, label: needLabel(need) })),
      overlaps: s.overlaps,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, campaign } = await loadStaffCampaign(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: ProposeSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await proposeAssignment(context.db, context.config, staff.id, {
    campaignId: campaign.id,
    ...submission.value,
  });
  if (!result.ok) {
    if (result.status === 404) notFound(result.message);
    return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  }
  return redirect(`/staff/campaigns/${campaign.slug}/suggestions`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: result.alreadyProposed ? msg("staff.suggestions.alreadyAsked") : msg("staff.suggestions.asked"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function SuggestionsPage() {
  const { campaign, needs, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = useMessage();
  return (
    <div className="stack">
      <h1>{t("staff.suggestions.title", { campaign: campaign.name })}</h1>
      <StaffNav />
      <p>
        <Link to={`/staff/campaigns/${campaign.slug}`}>{t("staff.suggestions.back")}</Link>
      </p>
      <FormErrors errors={replyErrors(actionData)} />
      <section aria-labelledby="progress-title" className="card">
        <h2 id="progress-title">{t("staff.suggestions.progress")}</h2>
        {needs.map((need) => (
          <NeedProgressBar key={need.id} need={need} />
        ))}
      </section>
      <p className="muted">{t("staff.suggestions.ranking")}</p>
      {suggestions.length === 0 ? <p>{t("staff.suggestions.none")}</p> : null}
      <ol className="result-list" aria-label={t("staff.campaign.suggestions")}>
        {suggestions.map((s) => (
          <li key={s.profileId} className="card">
            <h2 className="result-name">
              <Link to={`/directory/${s.profileId}`}>{s.displayName}</Link>
              <span className="badge">{t("staff.suggestions.fit", { score: s.score })}</span>
              {s.overlaps.length ? (
                <span className="badge badge-danger">
                  {t("staff.suggestions.overlaps", { campaigns: s.overlaps.join(", ") })}
                </span>
              ) : null}
            </h2>
            {s.headline ? <p className="result-headline">{s.headline}</p> : null}
            <ul className="muted">
              {s.reasons.map((reason) => (
                <li key={reason}>{message(reason)}</li>
              ))}
            </ul>
            <div className="actions">
              {s.needs.map((need) => (
                <Form key={need.id} method="post" className="inline-form">
                  <input type="hidden" name="intent" value="propose" />
                  <input type="hidden" name="profileId" value={s.profileId} />
                  <input type="hidden" name="needId" value={need.id} />
                  <button type="submit">{t("staff.suggestions.ask", { name: s.displayName, need: need.label })}</button>
                </Form>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
