import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { useConformForm } from "~/components/use-conform";
import { grantStaff, inviteStaff, revokeStaff, searchUsers } from "~/users/users.server";
import { InviteStaffSchema, RoleChangeSchema, UserSearchSchema } from "~/users/users.schema";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  const params = UserSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const { q, page } = params.success ? params.data : { q: "", page: 1 };
  const { users, hasMore } = await searchUsers(context.db, { q, page });
  return {
    title: await pageTitle(request, context, msg("staff.nav.users"), msg("staff.nav.label")),
    q,
    page,
    hasMore,
    currentUserId: staff.id,
    users: users.map((user) => ({ id: user.id, name: user.name, email: user.email, isStaff: user.isStaff })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const formData = await readFormData(request);
  if (formData.get("intent") === "invite-staff") {
    const submission = parseSubmission(formData, { schema: InviteStaffSchema });
    if (submission.status !== "success") return invalid({ intent: "invite-staff", result: submission.reply() });
    await inviteStaff(context.db, context.config, staff, submission.value.email);
    return redirect("/staff/users", {
      headers: {
        "Set-Cookie": await setFlash(context.config, {
          kind: "success",
          message: msg("staff.organization.invited", { email: submission.value.email }),
        }),
      },
    });
  }
  const submission = parseSubmission(formData, { schema: RoleChangeSchema });
  if (submission.status !== "success") return invalid({ intent: "role", result: submission.reply() });
  const { intent, userId } = submission.value;
  const result =
    intent === "grant-staff"
      ? await grantStaff(context.db, staff.id, userId)
      : await revokeStaff(context.db, staff.id, userId);
  if (!result.ok) {
    return invalid({ intent: "role", result: submission.reply({ formErrors: [result.message] }) }, result.status);
  }
  const message = intent === "grant-staff" ? msg("staff.users.granted") : msg("staff.users.revoked");
  const back = new URL(request.url);
  return redirect(`/staff/users${back.search}`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffUsersPage() {
  const { q, page, hasMore, users, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const inviteResult = actionData?.intent === "invite-staff" ? actionData.result : undefined;
  const roleErrors = actionData?.intent === "role" ? replyErrors(actionData.result) : undefined;
  const [inviteForm, inviteFields] = useConformForm(InviteStaffSchema, {
    id: "invite-staff",
    lastResult: inviteResult,
  });
  const query = (p: number) => `?${new URLSearchParams({ q, page: String(p) })}`;
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("staff.nav.users")}</h1>
      <StaffNav />
      <FormErrors errors={roleErrors} />
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="user-search">{t("staff.users.search")}</label>
          <input id="user-search" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit">{t("staff.users.searchButton")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.nav.users")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("forms.name")}</th>
              <th scope="col">{t("forms.email")}</th>
              <th scope="col">{t("staff.nav.label")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("staff.campaign.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("staff.users.none")}</td>
              </tr>
            ) : (
              users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{user.isStaff ? <span className="badge">{t("staff.nav.label")}</span> : "—"}</td>
                  <td>
                    {user.id === currentUserId ? (
                      <span className="muted">{t("staff.users.you")}</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="userId" value={user.id} />
                        {user.isStaff ? (
                          <button type="submit" name="intent" value="revoke-staff" className="secondary">
                            {t("staff.users.revoke")}
                            <span className="visually-hidden">
                              {t("staff.users.revokeDetail", { name: user.name })}
                            </span>
                          </button>
                        ) : (
                          <button type="submit" name="intent" value="grant-staff" className="secondary">
                            {t("staff.users.grant")}
                            <span className="visually-hidden">: {user.name}</span>
                          </button>
                        )}
                      </Form>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label={t("staff.pages.label")}>
        {page > 1 ? <Link to={query(page - 1)}>{t("staff.pages.previous")}</Link> : null}
        {hasMore ? <Link to={query(page + 1)}>{t("staff.pages.next")}</Link> : null}
      </nav>
      <section aria-labelledby="invite-title" className="card narrow">
        <h2 id="invite-title">{t("staff.users.inviteTitle")}</h2>
        <Form method="post" {...getFormProps(inviteForm)}>
          <input type="hidden" name="intent" value="invite-staff" />
          <Field label={t("forms.email")} field={inviteFields.email} type="email" hint={t("staff.users.inviteHint")} />
          <button type="submit">{t("staff.organization.invite")}</button>
        </Form>
      </section>
    </div>
  );
}
