import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { StaffNav } from "~/components/staff-nav";
import { useMessage } from "~/i18n/message";
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
  return { counts };
}

type ImportReply = { errors: { row: number; messages: string[] }[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const formData = await readFormData(request);
  const file = formData.get("file");
  const fail = (message: string, status = 400) =>
    data<ImportReply>({ errors: [{ row: 0, messages: [message] }] }, { status });
  if (!(file instanceof File) || file.size === 0) return fail("Choose a CSV file to import.");
  if (file.size > MAX_CSV_BYTES) return fail("The file is larger than 2 MB: split it.", 413);
  const result = await importAllies(context.db, staff.id, await file.text(), context.config.appUrl);
  if (!result.ok) return data<ImportReply>({ errors: result.errors }, { status: 400 });
  return redirect("/staff/allies", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: importMessage(result) }) },
  });
}

function importMessage(result: { imported: number; awaitingConsent: number; consentRequested: number }): string {
  const imported = `Imported ${result.imported} allies, shown to staff only.`;
  if (result.awaitingConsent === 0) return imported;
  return (
    `${imported} ${result.awaitingConsent} profiles await their person's consent to be shown more widely ` +
    `(${result.consentRequested} people with an account were emailed to choose; the others are asked when they sign in).`
  );
}

export const meta: MetaFunction = () => [{ title: "Allies — Staff — Open Web Fellows" }];

export default function StaffAlliesPage() {
  // The rows' messages come from the form schemas' fields, which carry catalog keys.
  const message = useMessage();
  const { counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Allies</h1>
      <StaffNav />
      <p>
        {counts.listed} allies are listed; {counts.withdrawn} withdrew their consent (never exported).{" "}
        {counts.awaitingConsent} imported profiles await their person&apos;s consent and are shown to staff only until
        then.
      </p>
      <p>
        <a href="/staff/allies.csv" download>
          Export the listed allies (CSV)
        </a>
      </p>
      <section aria-labelledby="import-title" className="card narrow">
        <h2 id="import-title">Import allies</h2>
        <p className="hint">
          A CSV file with the columns {ALLY_CSV_COLUMNS.join(", ")}. Lists are separated by semicolons. Every row is
          checked first; nothing is imported unless every row is valid. Only import people whose consent you recorded
          (consented_at). Imported profiles are shown to staff only: the visibility column is a request that each person
          accepts or changes on their own profile page (people who already have an account are emailed).
        </p>
        {actionData?.errors.length ? (
          <div className="form-errors" role="alert">
            <p>Nothing was imported. Fix these rows and try again:</p>
            <ul className="field-errors">
              {actionData.errors.map((error) => (
                <li key={error.row}>
                  {error.row > 0 ? `Row ${error.row}: ` : ""}
                  {error.messages.map(message).join("; ")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="allies-file">CSV file</label>
            <input id="allies-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit">Import</button>
        </Form>
      </section>
    </div>
  );
}
