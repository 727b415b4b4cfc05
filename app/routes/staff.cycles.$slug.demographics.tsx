import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DEMOGRAPHIC_LABEL_KEYS, DEMOGRAPHIC_OPTION_KEYS, MIN_GROUP_SIZE } from "~/applications/demographics";
import { summariseDemographics } from "~/applications/demographics.server";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const summary = await summariseDemographics(context.db, cycle.id);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.demographics.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    ...summary,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function DemographicsPage() {
  const { cycle, respondents, fields } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // Answers are stored as the English options; "No answer" is the summary's own group.
  const answerLabel = (value: string) => {
    const key = value === "No answer" ? "aboutYou.noAnswer" : DEMOGRAPHIC_OPTION_KEYS[value];
    return key ? t(key) : value;
  };
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.demographics.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>{t("cycleAdmin.demographics.intro", { count: MIN_GROUP_SIZE })}</p>
      {respondents === null ? (
        <p className="notice">{t("cycleAdmin.demographics.tooFew", { count: MIN_GROUP_SIZE })}</p>
      ) : (
        <>
          <p>{t("cycleAdmin.demographics.respondents", { count: respondents })}</p>
          {fields.map((field) => (
            <section key={field.field}>
              <h2>{t(DEMOGRAPHIC_LABEL_KEYS[field.field])}</h2>
              <table>
                <caption className="visually-hidden">{t(DEMOGRAPHIC_LABEL_KEYS[field.field])}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("cycleAdmin.demographics.answer")}</th>
                    <th scope="col">{t("cycleAdmin.demographics.people")}</th>
                  </tr>
                </thead>
                <tbody>
                  {field.groups.map((group) => (
                    <tr key={group.value}>
                      <td>{answerLabel(group.value)}</td>
                      <td>{group.count ?? t("cycleAdmin.demographics.hidden")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
