import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { CycleSettingsForm } from "~/components/cycle-settings-form";
import { CycleSettingsSchema } from "~/cycles/cycles.schema";
import { updateCycle } from "~/cycles/cycles.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, translationsOf } from "~/i18n/content.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { utcToZonedLocal } from "~/utils/timezones";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const translations = (await translationsOf(context.db, "cycle", [cycle.id])).get(cycle.id) ?? {};
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.settings.title"), cycle.name, msg("nav.staff")),
    translations: { id: cycle.id, stored: translations },
    cycle: {
      name: cycle.name,
      slug: cycle.slug,
      description: cycle.description,
      opensAt: utcToZonedLocal(cycle.opensAt, cycle.timezone),
      closesAt: utcToZonedLocal(cycle.closesAt, cycle.timezone),
      timezone: cycle.timezone,
      status: cycle.status,
      blindReview: cycle.blindReview,
      reviewersPerApplication: cycle.reviewersPerApplication,
      finalistTarget: cycle.finalistTarget,
      reviewDueAt: cycle.reviewDueAt ? utcToZonedLocal(cycle.reviewDueAt, cycle.timezone) : null,
      decisionDelayMinutes: cycle.decisionDelayMinutes,
      referencesMin: cycle.referencesMin,
      referencesMax: cycle.referencesMax,
      referenceDeadline: cycle.referenceDeadline ? utcToZonedLocal(cycle.referenceDeadline, cycle.timezone) : null,
      loiClosesAt: cycle.loiClosesAt ? utcToZonedLocal(cycle.loiClosesAt, cycle.timezone) : null,
      version: cycle.version,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  if (formData.get("intent") === "translate")
    return translationAction(context, formData, staff.id, "cycle", cycle.id, `/staff/cycles/${cycle.slug}/settings`);
  const submission = parseSubmission(formData, { schema: CycleSettingsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await updateCycle(context.db, staff.id, cycle.id, submission.value);
  if (!result.ok) {
    return invalid(
      submission.reply(
        result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
      ),
      result.status,
    );
  }
  return redirect(`/staff/cycles/${result.slug}/settings`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("cycleAdmin.settings.saved") }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function CycleSettingsPage() {
  const { cycle, translations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const translationReply = actionData && "target" in actionData ? actionData : undefined;
  const lastResult = actionData && !("target" in actionData) ? actionData : undefined;
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.settings.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <div className="narrow">
        <CycleSettingsForm
          id="cycle-settings"
          key={cycle.version}
          defaults={cycle}
          lastResult={lastResult}
          submitLabel={t("cycleAdmin.settings.save")}
        />
      </div>
      <section className="card narrow" aria-labelledby="description-translations">
        <h2 id="description-translations">{t("cycleAdmin.settings.translationsTitle")}</h2>
        <TranslationsForm
          itemId={translations.id}
          itemName={t("cycleAdmin.settings.theDescription")}
          translations={translations.stored}
          reply={translationReply}
          fields={[
            {
              name: "description",
              label: t("cycleAdmin.settings.description"),
              original: cycle.description,
              multiline: true,
            },
          ]}
        />
      </section>
    </div>
  );
}
