import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, replyErrors } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-fields";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { OrganizationActionSchema } from "~/organizations/organizations.schema";
import {
  getOrganization,
  invitePartner,
  listMembers,
  removeMember,
  updateOrganization,
} from "~/organizations/organizations.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";
import { RowAction } from "~/components/row-action";

const ROLE_KEYS: Record<string, MessageKey> = {
  member: "staff.organization.member",
  owner: "staff.organization.owner",
};

async function load(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const staff = await requireStaff(request, context);
  const organization = await getOrganization(context.db, slug ?? "");
  if (!organization) notFound(msg("staff.organization.notFound"));
  return { staff, organization };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organization } = await load(request, context, params.slug);
  return {
    title: await pageTitle(request, context, organization.name, msg("staff.nav.label")),
    organization,
    members: await listMembers(context.db, organization.id),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, organization } = await load(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: OrganizationActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let slug = organization.slug;
  let message: string;
  if (value.intent === "update-organization") {
    const result = await updateOrganization(context.db, staff.id, organization.id, value.version, value);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    slug = result.slug;
    message = msg("staff.organization.saved");
  } else if (value.intent === "invite-partner") {
    await invitePartner(context.db, context.config, staff, organization, value);
    message = msg("staff.organization.invited", { email: value.email });
  } else if (value.intent === "remove-member") {
    if (!(await removeMember(context.db, staff.id, organization.id, value.userId))) {
      return invalid(submission.reply({ formErrors: [msg("staff.organization.notMember")] }), 404);
    }
    message = msg("staff.organization.removed");
  } else {
    return invalid(submission.reply({ formErrors: [msg("forms.errors.unknownAction")] }));
  }
  return redirect(`/staff/organizations/${slug}`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function OrganizationPage() {
  const { organization, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{organization.name}</h1>
      <StaffNav />
      <FormErrors errors={replyErrors(actionData)} />
      <section aria-labelledby="members-title" className="stack">
        <h2 id="members-title">{t("staff.organizations.partners")}</h2>
        {members.length === 0 ? <p>{t("staff.organization.noPartners")}</p> : null}
        <ul className="plain-list">
          {members.map((member) => (
            <li key={member.id}>
              {member.name} ({member.email}){" "}
              <span className="badge">{ROLE_KEYS[member.role] ? t(ROLE_KEYS[member.role]!) : member.role}</span>{" "}
              <RowAction
                intent="remove-member"
                idField="userId"
                id={member.id}
                label={t("staff.campaign.remove")}
                hiddenDetail={` ${member.name}`}
                variant="link-button"
              />
            </li>
          ))}
        </ul>
        <Form method="post" className="card narrow">
          <div className="field">
            <label htmlFor="invite-email">{t("staff.organization.inviteEmail")}</label>
            <input id="invite-email" name="email" type="email" required />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t("staff.organization.role")}</label>
            <select id="invite-role" name="role" defaultValue="member">
              <option value="member">{t("staff.organization.memberOption")}</option>
              <option value="owner">{t("staff.organization.ownerOption")}</option>
            </select>
          </div>
          <button type="submit" name="intent" value="invite-partner">
            {t("staff.organization.invite")}
          </button>
        </Form>
      </section>
      <details className="card">
        <summary>{t("staff.organization.edit")}</summary>
        <Form method="post">
          <input type="hidden" name="version" value={organization.version} />
          <OrganizationFields idPrefix="org" values={organization} />
          <button type="submit" name="intent" value="update-organization">
            {t("staff.organization.save")}
          </button>
        </Form>
      </details>
    </div>
  );
}
