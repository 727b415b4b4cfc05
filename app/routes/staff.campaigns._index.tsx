import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CAMPAIGN_STATUS_LABELS, CampaignSchema } from "~/campaigns/campaigns.schema";
import { createCampaign, listCampaigns } from "~/campaigns/campaigns.server";
import { CampaignForm } from "~/components/campaign-form";
import { StaffNav } from "~/components/staff-nav";
import { setFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const campaigns = await listCampaigns(context.db);
  return {
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
        message: "Campaign created. Now say what it needs.",
      }),
    },
  });
}

export const meta: MetaFunction = () => [{ title: "Campaigns — Staff — Open Web Fellows" }];

export default function StaffCampaignsPage() {
  const { campaigns } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Campaigns</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Campaigns</caption>
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Status</th>
              <th scope="col">Dates</th>
              <th scope="col">Staffed</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.length === 0 ? (
              <tr>
                <td colSpan={4}>No campaigns yet.</td>
              </tr>
            ) : (
              campaigns.map((campaign) => (
                <tr key={campaign.slug}>
                  <td>
                    <Link to={`/staff/campaigns/${campaign.slug}`}>{campaign.name}</Link>
                  </td>
                  <td>{CAMPAIGN_STATUS_LABELS[campaign.status]}</td>
                  <td>
                    {formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)}
                  </td>
                  <td>
                    {campaign.accepted} of {campaign.needed}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="new-campaign">
        <h2 id="new-campaign">New campaign</h2>
        <CampaignForm id="new-campaign-form" lastResult={lastResult} submitLabel="Create the campaign" />
      </section>
    </div>
  );
}
