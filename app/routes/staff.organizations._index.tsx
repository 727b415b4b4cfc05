import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, replyErrors } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-fields";
import { StaffNav } from "~/components/staff-nav";
import { OrganizationActionSchema } from "~/organizations/organizations.schema";
import { createOrganization, listOrganizations } from "~/organizations/organizations.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const organizations = await listOrganizations(context.db);
  return { organizations: organizations.map((org) => ({ ...org, members: Number(org.members) })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: OrganizationActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  if (submission.value.intent !== "create-organization")
    return invalid(submission.reply({ formErrors: ["That form action is not known."] }));
  const result = await createOrganization(context.db, staff.id, submission.value);
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirect(`/staff/organizations/${result.slug}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: "Organization created. Invite its partners below.",
      }),
    },
  });
}

export const meta: MetaFunction = () => [{ title: "Host organizations — Staff — Open Web Fellows" }];

export default function OrganizationsPage() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Host organizations</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Host organizations</caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Country</th>
              <th scope="col">Partners</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link to={`/staff/organizations/${org.slug}`}>{org.name}</Link>
                </td>
                <td>{org.country ?? "—"}</td>
                <td>{org.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card narrow" aria-labelledby="new-org">
        <h2 id="new-org">New organization</h2>
        <FormErrors errors={replyErrors(actionData)} />
        <Form method="post">
          <OrganizationFields idPrefix="new-org" />
          <button type="submit" name="intent" value="create-organization">
            Create
          </button>
        </Form>
      </section>
    </div>
  );
}
