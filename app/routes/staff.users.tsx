import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { StaffNav } from "~/components/staff-nav";
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
          message: `Invitation sent to ${submission.value.email}.`,
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
  const message = intent === "grant-staff" ? "Staff access granted." : "Staff access removed.";
  const back = new URL(request.url);
  return redirect(`/staff/users${back.search}`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction = () => [{ title: "Users — Staff — Open Web Fellows" }];

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
  return (
    <div className="stack">
      <h1>Users</h1>
      <StaffNav />
      <FormErrors errors={roleErrors} />
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="user-search">Name or email</label>
          <input id="user-search" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit">Search</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Staff</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={4}>No users match.</td>
              </tr>
            ) : (
              users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{user.isStaff ? <span className="badge">Staff</span> : "—"}</td>
                  <td>
                    {user.id === currentUserId ? (
                      <span className="muted">You</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="userId" value={user.id} />
                        {user.isStaff ? (
                          <button type="submit" name="intent" value="revoke-staff" className="secondary">
                            Remove staff<span className="visually-hidden"> access from {user.name}</span>
                          </button>
                        ) : (
                          <button type="submit" name="intent" value="grant-staff" className="secondary">
                            Make staff<span className="visually-hidden">: {user.name}</span>
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
      <nav className="pagination" aria-label="Pages">
        {page > 1 ? <Link to={query(page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={query(page + 1)}>Next page</Link> : null}
      </nav>
      <section aria-labelledby="invite-title" className="card narrow">
        <h2 id="invite-title">Invite a staff member</h2>
        <Form method="post" {...getFormProps(inviteForm)}>
          <input type="hidden" name="intent" value="invite-staff" />
          <Field
            label="Email"
            field={inviteFields.email}
            type="email"
            hint="They get a single-use link, valid for 7 days."
          />
          <button type="submit">Send invitation</button>
        </Form>
      </section>
    </div>
  );
}
