import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { useTranslation } from "react-i18next";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { ALLY_CSV_COLUMNS } from "~/network/allies-csv";
import { importAllies } from "~/network/allies-csv.server";
import { setFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const counts = await context.db
    .selectFrom("allyProfiles")
    .select([
      sql<number>`count(*) filter (where withdrawn_at is null)`.as("listed"),
      sql<number>`count(*) filter (where withdrawn_at is not null)`.as("withdrawn"),
      sql<number>`count(*) filter (where withdrawn_at is null and requested_visibility is not null)`.as(
        "awaitingConsent",
      ),
    ])
    .executeTakeFirstOrThrow();
  return { title: await pageTitle(request, context, msg("staff.nav.allies"), msg("staff.nav.label")), counts };
}

type ImportReply = { errors: { row: number; messages: string[] }[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const formData = await readFormData(request);
  const file = formData.get("file");
  const fail = (message: string, status = 400) =>
    data<ImportReply>({ errors: [{ row: 0, messages: [message] }] }, { status });
  if (!(file instanceof File) || file.size === 0) return fail(msg("staff.allies.chooseFile"));
  if (file.size > MAX_CSV_BYTES) return fail(msg("staff.allies.tooLarge"), 413);
  const result = await importAllies(context.db, staff.id, await file.text(), context.config.appUrl);
  if (!result.ok) return data<ImportReply>({ errors: result.errors }, { status: 400 });
  return redirect("/staff/allies", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: importMessage(result) }) },
  });
}

function importMessage(result: { imported: number; awaitingConsent: number; consentRequested: number }): string {
  if (result.awaitingConsent === 0) return msg("staff.allies.imported", { imported: result.imported });
  return msg("staff.allies.importedAwaiting", {
    imported: result.imported,
    awaiting: result.awaitingConsent,
    emailed: result.consentRequested,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffAlliesPage() {
  // The rows' messages come from the form schemas' fields, which carry catalog keys.
  const message = useMessage();
  const { counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("staff.nav.allies")}</h1>
      <StaffNav />
      <p>
        {t("staff.allies.counts", {
          listed: counts.listed,
          withdrawn: counts.withdrawn,
          awaiting: counts.awaitingConsent,
        })}
      </p>
      <p>
        <a href="/staff/allies.csv" download>
          {t("staff.allies.export")}
        </a>
      </p>
      <section aria-labelledby="import-title" className="card narrow">
        <h2 id="import-title">{t("staff.allies.importTitle")}</h2>
        <p className="hint">{t("staff.allies.importHint", { columns: ALLY_CSV_COLUMNS.join(", ") })}</p>
        {actionData?.errors.length ? (
          <div className="form-errors" role="alert">
            <p>{t("staff.allies.nothingImported")}</p>
            <ul className="field-errors">
              {actionData.errors.map((error) => (
                <li key={error.row}>
                  {error.row > 0 ? t("staff.allies.row", { row: error.row }) : ""}
                  {error.messages.map(message).join("; ")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="allies-file">{t("staff.allies.file")}</label>
            <input id="allies-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit">{t("staff.allies.import")}</button>
        </Form>
      </section>
    </div>
  );
}
