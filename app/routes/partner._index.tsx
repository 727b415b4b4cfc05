import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormErrors, TextAreaField } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { PositionFields } from "~/matching/positions.schema";
import { createPosition } from "~/matching/positions.server";
import { listPartnerPositions } from "~/matching/partner.server";
import { organizationsOf } from "~/organizations/organizations.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requirePartner } from "~/utils/permissions.server";

const PublishSchema = z.object({
  intent: z.literal("publish-position", { error: msg("forms.errors.unknownAction") }),
  organizationId: z.uuid(msg("partnerPositions.errors.chooseOrganization")),
  cycleId: z.uuid(msg("partnerPositions.errors.chooseCycle")),
  ...PositionFields,
});

/** Cycles a host can still offer positions in. */
async function openCycles(context: LoaderFunctionArgs["context"]) {
  return context.db
    .selectFrom("cycles")
    .select(["id", "name"])
    .where("status", "in", ["open", "closed", "reviewing", "matching"])
    .orderBy("closesAt", "desc")
    .execute();
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const [positions, organizations, cycles] = await Promise.all([
    listPartnerPositions(context.db, user.id),
    organizationsOf(context.db, user.id),
    openCycles(context),
  ]);
  return {
    title: await pageTitle(request, context, msg("partnerPositions.area")),
    organizations: organizations.map(({ id, name }) => ({ id, name })),
    cycles,
    positions: positions.map((position) => ({
      id: position.id,
      title: position.title,
      seats: position.seats,
      organizationName: position.organizationName,
      cycleName: position.cycleName,
      deadline: position.rankingDeadline
        ? { at: position.rankingDeadline.toISOString(), timeZone: position.timezone }
        : null,
      candidates: Number(position.candidates),
      ranked: Number(position.ranked),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: PublishSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const [organizations, cycles] = await Promise.all([organizationsOf(context.db, user.id), openCycles(context)]);
  // Another host's organization answers like a missing one.
  if (
    !organizations.some((org) => org.id === submission.value.organizationId) ||
    !cycles.some((cycle) => cycle.id === submission.value.cycleId)
  ) {
    return invalid(submission.reply({ formErrors: [msg("partnerPositions.errors.organizationOrCycle")] }), 404);
  }
  const id = await createPosition(
    context.db,
    user.id,
    submission.value.cycleId,
    submission.value.organizationId,
    submission.value,
  );
  return redirect(`/partner/positions/${id}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("partnerPositions.publishedFlash"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function PartnerHome() {
  const { organizations, cycles, positions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const [form, fields] = useConformForm(PublishSchema, {
    id: "publish-position",
    lastResult,
    defaultValue: { seats: "1" },
  });
  const f = fields as unknown as Record<
    "title" | "description" | "seats" | "skills" | "location",
    Parameters<typeof Field>[0]["field"]
  > &
    Record<"organizationId" | "cycleId" | "remote", { id: string; name: string; errors?: string[]; errorId: string }>;
  return (
    <div className="stack">
      <h1>{t("partnerPositions.title")}</h1>
      <p className="muted">{organizations.map((org) => org.name).join(", ")}</p>
      <p>
        <Link to="/partner/fellows">{t("partnerPositions.fellowsLink")}</Link>
      </p>
      {positions.length === 0 ? <p>{t("partnerPositions.none")}</p> : null}
      <ul className="cards">
        {positions.map((position) => (
          <li key={position.id} className="card">
            <h2 className="question-title">
              <Link to={`/partner/positions/${position.id}`}>{position.title}</Link>
            </h2>
            <p className="muted">
              {position.organizationName} · {position.cycleName} ·{" "}
              {t("partnerPositions.seatCount", { count: position.seats })}
            </p>
            <p>
              {t("partnerPositions.toConsider", { count: position.candidates })} ·{" "}
              {position.ranked ? (
                t("partnerPositions.ranked", { count: position.ranked })
              ) : (
                <span className="missing">{t("partnerPositions.notRanked")}</span>
              )}
              {position.deadline
                ? ` · ${t("partnerPositions.rankBy", {
                    date: format.dateTime(position.deadline.at, position.deadline.timeZone),
                  })}`
                : ""}
            </p>
          </li>
        ))}
      </ul>
      <section className="card narrow" aria-labelledby="publish-title">
        <h2 id="publish-title">{t("partnerPositions.publishTitle")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor="organizationId">{t("partnerPositions.organization")}</label>
            <select id="organizationId" name="organizationId">
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cycleId">{t("partnerPositions.cycle")}</label>
            <select id="cycleId" name="cycleId">
              {cycles.map((cycle) => (
                <option key={cycle.id} value={cycle.id}>
                  {cycle.name}
                </option>
              ))}
            </select>
          </div>
          <Field label={t("partnerPositions.titleLabel")} field={f.title} />
          <TextAreaField label={t("partnerPositions.description")} field={f.description} />
          <Field label={t("partnerPositions.seats")} field={f.seats} type="number" />
          <Field label={t("partnerPositions.skills")} field={f.skills} />
          <Field label={t("partnerPositions.location")} field={f.location} />
          <label className="choice">
            <input type="checkbox" name="remote" />
            {t("partnerPositions.remote")}
          </label>
          <button type="submit" name="intent" value="publish-position">
            {t("partnerPositions.publish")}
          </button>
        </Form>
      </section>
    </div>
  );
}
