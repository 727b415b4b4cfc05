import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CampaignSchema } from "~/campaigns/campaigns.schema";
import { createCampaign, listCampaigns } from "~/campaigns/campaigns.server";
import { CAMPAIGN_STATUS_KEYS, CampaignForm } from "~/components/campaign-form";
import { StaffNav } from "~/components/staff-nav";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const campaigns = await listCampaigns(context.db);
  return {
    title: await pageTitle(request, context, msg("staff.campaigns.title"), msg("staff.nav.label")),
    campaigns: campaigns.map((c) => ({
      slug: c.slug,
      name: c.name,
      status: c.status,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      needed: Number(c.needed ?? 0),
      accepted: Number(c.accepted ?? 0),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: CampaignSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await createCampaign(context.db, staff.id, submission.value);
  if (!result.ok) {
    return invalid(
      submission.reply(
        result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
      ),
      result.status,
    );
  }
  return redirect(`/staff/campaigns/${result.slug}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("staff.campaigns.created"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffCampaignsPage() {
  const { campaigns } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.campaigns.title")}</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.campaigns.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.campaigns.campaign")}</th>
              <th scope="col">{t("staff.campaigns.status")}</th>
              <th scope="col">{t("staff.campaigns.dates")}</th>
              <th scope="col">{t("staff.campaigns.staffed")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("staff.campaigns.none")}</td>
              </tr>
            ) : (
              campaigns.map((campaign) => (
                <tr key={campaign.slug}>
                  <td>
                    <Link to={`/staff/campaigns/${campaign.slug}`}>{campaign.name}</Link>
                  </td>
                  <td>{t(CAMPAIGN_STATUS_KEYS[campaign.status])}</td>
                  <td>
                    {format.date(campaign.startsOn)} – {format.date(campaign.endsOn)}
                  </td>
                  <td>{t("staff.campaigns.ofNeeded", { accepted: campaign.accepted, needed: campaign.needed })}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="new-campaign">
        <h2 id="new-campaign">{t("staff.campaigns.new")}</h2>
        <CampaignForm id="new-campaign-form" lastResult={lastResult} submitLabel={t("staff.campaigns.create")} />
      </section>
    </div>
  );
}
