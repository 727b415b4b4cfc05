import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleSettingsForm } from "~/components/cycle-settings-form";
import { StaffNav } from "~/components/staff-nav";
import { useFormat } from "~/components/use-format";
import { cyclePhase, PHASE_KEYS } from "~/cycles/cycle-status";
import { CycleSettingsSchema } from "~/cycles/cycles.schema";
import { createCycle, listCyclesForStaff } from "~/cycles/cycles.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const cycles = await listCyclesForStaff(context.db);
  const now = new Date();
  return {
    title: await pageTitle(request, context, msg("staff.nav.cycles"), msg("staff.nav.label")),
    cycles: cycles.map((cycle) => ({
      slug: cycle.slug,
      name: cycle.name,
      phase: cyclePhase(cycle, now),
      closesAt: cycle.closesAt.toISOString(),
      submitted: cycle.submitted,
      drafts: cycle.drafts,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: CycleSettingsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await createCycle(context.db, staff.id, submission.value);
  if (!result.ok) {
    return invalid(
      submission.reply(
        result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
      ),
      result.status,
    );
  }
  return redirect(`/staff/cycles/${result.slug}/questions`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("staff.cycleList.created"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffCyclesPage() {
  const { cycles } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.cycleList.title")}</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.nav.cycles")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.cycleList.cycle")}</th>
              <th scope="col">{t("staff.cycleList.phase")}</th>
              <th scope="col">{t("staff.cycleForm.closesAt")}</th>
              <th scope="col">{t("staff.cycleList.applications")}</th>
              <th scope="col">{t("staff.cycleList.drafts")}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("staff.cycleList.none")}</td>
              </tr>
            ) : (
              cycles.map((cycle) => (
                <tr key={cycle.slug}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}`}>{cycle.name}</Link>
                  </td>
                  <td>{t(PHASE_KEYS[cycle.phase])}</td>
                  <td>{format.dateTime(cycle.closesAt)}</td>
                  <td>{cycle.submitted}</td>
                  <td>{cycle.drafts}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="new-cycle">
        <h2 id="new-cycle">{t("staff.cycleList.new")}</h2>
        <CycleSettingsForm id="new-cycle-form" lastResult={lastResult} submitLabel={t("staff.cycleList.create")} />
      </section>
    </div>
  );
}
