import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicCampaign } from "~/campaigns/campaigns.server";
import { useFormat } from "~/components/use-format";
import { msg } from "~/i18n/message";
import { requestLanguage } from "~/i18n/language.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser } from "~/utils/permissions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const language = await requestLanguage(request, context.config, await getOptionalUser(request, context));
  const found = params.slug ? await getPublicCampaign(context.db, params.slug, language) : undefined;
  if (!found) notFound(msg("publicCampaign.missing"));
  const { campaign, allies } = found;
  return {
    campaign: {
      name: campaign.name,
      summary: campaign.summary,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      status: campaign.status,
    },
    allies: allies.map((ally) => ({
      // The profile is linked only where the public may open it.
      id: ally.publicProfile ? ally.id : null,
      displayName: ally.displayName,
      headline: ally.headline,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.name} — Open Web Fellows` : "Campaign — Open Web Fellows" },
  ...(data ? [{ name: "description", content: data.campaign.summary.slice(0, 160) }] : []),
];

export default function PublicCampaignPage() {
  const { campaign, allies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{campaign.name}</h1>
      <p className="muted">
        {format.date(campaign.startsOn)} – {format.date(campaign.endsOn)}
        {campaign.status === "closed" ? ` · ${t("publicCampaign.ended")}` : ""}
      </p>
      {campaign.summary ? <p className="lede">{campaign.summary}</p> : null}
      <section aria-labelledby="allies-title">
        <h2 id="allies-title">{t("publicCampaign.alliesTitle")}</h2>
        {allies.length === 0 ? (
          <p>{t("publicCampaign.noAllies")}</p>
        ) : (
          <ul className="cards">
            {allies.map((ally) => (
              <li key={`${ally.displayName}-${ally.id}`} className="card">
                <h3>{ally.id ? <Link to={`/directory/${ally.id}`}>{ally.displayName}</Link> : ally.displayName}</h3>
                {ally.headline ? <p>{ally.headline}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
