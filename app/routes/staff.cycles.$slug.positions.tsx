import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { StaffPositionActionSchema } from "~/matching/positions.schema";
import {
  candidatesOfCycle,
  createPosition,
  listPositions,
  setCandidates,
  suggestCandidates,
  updatePosition,
} from "~/matching/positions.server";
import { listOrganizations } from "~/organizations/organizations.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const [positions, organizations, candidates, finalists] = await Promise.all([
    listPositions(context.db, cycle.id),
    listOrganizations(context.db),
    candidatesOfCycle(context.db, cycle.id),
    context.db
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "users.name"])
      .where("applications.cycleId", "=", cycle.id)
      .where("applications.status", "=", "finalist")
      .orderBy("users.name")
      .execute(),
  ]);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.positions.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    organizations: organizations.map(({ id, name }) => ({ id, name })),
    finalists,
    positions: positions.map((position) => ({
      ...position,
      candidates: candidates.filter((row) => row.positionId === position.id).map((row) => row.applicationId),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  const target = String(formData.get("positionId") ?? "new");
  const submission = parseSubmission(formData, { schema: StaffPositionActionSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  let message: string;
  if (value.intent === "create-position") {
    const id = await createPosition(context.db, staff.id, cycle.id, value.organizationId, value);
    if (!id)
      return invalid(
        { target, result: submission.reply({ formErrors: [msg("cycleAdmin.positions.noOrganization")] }) },
        404,
      );
    message = msg("cycleAdmin.positions.added");
  } else if (value.intent === "suggest-candidates") {
    const added = await suggestCandidates(context.db, staff.id, cycle.id);
    message = msg("cycleAdmin.positions.suggested", { count: added });
  } else {
    const result =
      value.intent === "update-position"
        ? await updatePosition(context.db, staff.id, value.positionId, value.version, value, cycle.id)
        : await setCandidates(context.db, staff.id, cycle.id, value.positionId, value.applicationId);
    if (!result.ok)
      return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
    message =
      value.intent === "update-position"
        ? msg("cycleAdmin.positions.saved")
        : msg("cycleAdmin.positions.candidatesSaved");
  }
  return redirect(`/staff/cycles/${cycle.slug}/positions`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function PositionsPage() {
  const { cycle, organizations, finalists, positions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.positions.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>{t("cycleAdmin.positions.intro")}</p>
      <Form method="post">
        <button type="submit" name="intent" value="suggest-candidates" className="secondary">
          {t("cycleAdmin.positions.suggest")}
        </button>
      </Form>
      {positions.map((position) => (
        <section key={position.id} className="card stack" aria-labelledby={`position-${position.id}`}>
          <h2 id={`position-${position.id}`} className="question-title">
            {position.title}{" "}
            <span className="muted">
              · {position.organizationName} · {t("cycleAdmin.positions.seatsCount", { count: position.seats })}
            </span>
          </h2>
          <FormErrors errors={errorsFor(position.id)} />
          <Form method="post">
            <input type="hidden" name="positionId" value={position.id} />
            <fieldset className="choice-group">
              <legend className="fieldset-legend">{t("cycleAdmin.positions.considered")}</legend>
              {finalists.length === 0 ? <p className="muted">{t("cycleAdmin.positions.noFinalists")}</p> : null}
              {finalists.map((finalist) => (
                <label key={finalist.id} className="choice">
                  <input
                    type="checkbox"
                    name="applicationId"
                    value={finalist.id}
                    defaultChecked={position.candidates.includes(finalist.id)}
                  />
                  {finalist.name}
                </label>
              ))}
            </fieldset>
            <button type="submit" name="intent" value="set-candidates" className="secondary">
              {t("cycleAdmin.fellowship.save")}
              <span className="visually-hidden">
                {" "}
                {t("cycleAdmin.positions.saveFor", { position: position.title })}
              </span>
            </button>
          </Form>
        </section>
      ))}
      <section className="card narrow" aria-labelledby="add-position">
        <h2 id="add-position">{t("cycleAdmin.positions.add")}</h2>
        <FormErrors errors={errorsFor("new")} />
        <Form method="post">
          <div className="field">
            <label htmlFor="organizationId">{t("cycleAdmin.positions.host")}</label>
            <select id="organizationId" name="organizationId">
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="title">{t("cycleAdmin.fellowship.formTitle")}</label>
            <input id="title" name="title" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="description">{t("cycleAdmin.positions.description")}</label>
            <textarea id="description" name="description" rows={3} />
          </div>
          <div className="field">
            <label htmlFor="seats">{t("cycleAdmin.positions.seats")}</label>
            <input id="seats" name="seats" type="number" min={0} max={20} defaultValue={1} />
          </div>
          <div className="field">
            <label htmlFor="skills">{t("cycleAdmin.positions.skills")}</label>
            <input id="skills" name="skills" type="text" />
          </div>
          <div className="field">
            <label htmlFor="location">{t("cycleAdmin.positions.location")}</label>
            <input id="location" name="location" type="text" />
          </div>
          <label className="choice">
            <input type="checkbox" name="remote" />
            {t("cycleAdmin.positions.remote")}
          </label>
          <button type="submit" name="intent" value="create-position">
            {t("cycleAdmin.positions.addButton")}
          </button>
        </Form>
      </section>
    </div>
  );
}
