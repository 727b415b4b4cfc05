import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, replyErrors } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-fields";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { OrganizationActionSchema } from "~/organizations/organizations.schema";
import { createOrganization, listOrganizations } from "~/organizations/organizations.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const organizations = await listOrganizations(context.db);
  return {
    title: await pageTitle(request, context, msg("staff.organizations.title"), msg("staff.nav.label")),
    organizations: organizations.map((org) => ({ ...org, members: Number(org.members) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: OrganizationActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  if (submission.value.intent !== "create-organization")
    return invalid(submission.reply({ formErrors: [msg("forms.errors.unknownAction")] }));
  const result = await createOrganization(context.db, staff.id, submission.value);
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirect(`/staff/organizations/${result.slug}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("staff.organizations.created"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function OrganizationsPage() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("staff.organizations.title")}</h1>
      <StaffNav />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.organizations.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.organizations.organization")}</th>
              <th scope="col">{t("staff.organizationFields.country")}</th>
              <th scope="col">{t("staff.organizations.partners")}</th>
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
        <h2 id="new-org">{t("staff.organizations.new")}</h2>
        <FormErrors errors={replyErrors(actionData)} />
        <Form method="post">
          <OrganizationFields idPrefix="new-org" />
          <button type="submit" name="intent" value="create-organization">
            {t("staff.organizations.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}
