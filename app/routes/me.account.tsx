import { parseSubmission } from "~/utils/parse-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { apiTokenAction, loadApiTokens } from "~/api/token-route.server";
import { feedAction, loadFeed } from "~/calendar/feed-route.server";
import { ApiTokensSection } from "~/components/api-tokens";
import { CalendarFeedSection } from "~/components/calendar-feed";
import { FormErrors, replyErrors } from "~/components/forms";
import { LanguageSwitcher } from "~/components/language-switcher";
import { pageTitle } from "~/i18n/i18n.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { msg } from "~/i18n/message";
import type { RootLoaderData } from "~/root";
import { z } from "zod";
import { CodeField } from "~/auth/auth.schema";
import { CODE_MESSAGES } from "~/auth/verification.server";
import { confirmAccountDeletion, LAST_STAFF_MESSAGE, requestAccountDeletion } from "~/privacy/privacy.server";
import { clearSessionCookie, endAllSessions, endSession, listSessions } from "~/auth/session.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { formatDateTime } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";
import { RowAction } from "~/components/row-action";

const SessionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("end-session"), sessionId: z.uuid() }),
    z.object({ intent: z.literal("end-other-sessions") }),
    z.object({ intent: z.literal("end-all-sessions") }),
    z.object({ intent: z.literal("request-deletion") }),
    z.object({ intent: z.literal("confirm-deletion"), code: CodeField }),
  ],
  { error: "That form action is not known." },
);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [sessions, feed, apiTokens] = await Promise.all([
    listSessions(context.db, user.id),
    loadFeed(context, user.id),
    loadApiTokens(context, user),
  ]);
  return {
    title: await pageTitle(request, context, msg("account.title")),
    feed,
    apiTokens,
    deletionCodeSent: new URL(request.url).searchParams.get("deletion") === "code-sent",
    account: { name: user.name, email: user.email },
    sessions: sessions.map((session) => ({
      id: session.id,
      current: session.id === user.sessionId,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      userAgent: session.userAgent,
      clientAddress: session.clientAddress,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const feed = await feedAction(context, user.id, formData, "/me/account");
  if (feed) return feed;
  const apiToken = await apiTokenAction(context, user, formData, "/me/account");
  if (apiToken) return apiToken;
  const submission = parseSubmission(formData, { schema: SessionActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent } = submission.value;

  if (intent === "request-deletion") {
    const requested = await requestAccountDeletion(context.db, context.config, user);
    if (!requested.ok) return invalid(submission.reply({ formErrors: [requested.message] }), 409);
    return redirect("/me/account?deletion=code-sent", {
      headers: {
        "Set-Cookie": await setFlash(context.config, {
          kind: "info",
          message: `We sent a code to ${user.email}. Enter it below to delete your account.`,
        }),
      },
    });
  }
  if (submission.value.intent === "confirm-deletion") {
    const result = await confirmAccountDeletion(context.db, context.config, user, submission.value.code);
    if (!result.ok) {
      if (result.reason === "last-staff") return invalid(submission.reply({ formErrors: [LAST_STAFF_MESSAGE] }), 409);
      return invalid(submission.reply({ fieldErrors: { code: [CODE_MESSAGES[result.reason]] } }));
    }
    return redirect("/", {
      headers: [
        ["Set-Cookie", await clearSessionCookie(context.config)],
        ["Set-Cookie", await setFlash(context.config, { kind: "success", message: "Your account has been deleted." })],
      ],
    });
  }

  if (
    intent === "end-all-sessions" ||
    (submission.value.intent === "end-session" && submission.value.sessionId === user.sessionId)
  ) {
    if (intent === "end-all-sessions") await endAllSessions(context.db, user.id);
    else await endSession(context.db, user.id, user.sessionId);
    return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie(context.config) } });
  }
  if (intent === "end-other-sessions") {
    const count = await endAllSessions(context.db, user.id, user.sessionId);
    return redirect("/me/account", {
      headers: {
        "Set-Cookie": await setFlash(context.config, {
          kind: "success",
          message: `Signed out ${count} other session${count === 1 ? "" : "s"}.`,
        }),
      },
    });
  }
  // Another user's session id answers like a missing one.
  if (submission.value.intent !== "end-session") return invalid(submission.reply());
  const ended = await endSession(context.db, user.id, submission.value.sessionId);
  if (!ended) return data({ message: "That session does not exist." }, { status: 404 });
  return redirect("/me/account", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: "Session signed out." }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function AccountPage() {
  const { account, sessions, deletionCodeSent, feed, apiTokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootLoaderData>("root");
  // A new calendar address is answered in place (see feedAction): no errors then.
  const errors =
    !actionData || "feedUrl" in actionData || "apiToken" in actionData || "apiTokenErrors" in actionData
      ? []
      : "message" in actionData
        ? [actionData.message]
        : replyErrors(actionData);
  return (
    <div className="stack">
      <h1>{t("account.title")}</h1>
      <FormErrors errors={errors} />
      <dl className="facts">
        <dt>{t("forms.name")}</dt>
        <dd>{account.name}</dd>
        <dt>{t("forms.email")}</dt>
        <dd>{account.email}</dd>
      </dl>
      <section aria-labelledby="language-title" className="stack">
        <h2 id="language-title">{t("language.label")}</h2>
        <p className="hint">{t("account.languageHint")}</p>
        <LanguageSwitcher id="account-language" current={root?.lang ?? DEFAULT_LANGUAGE} />
      </section>
      <section aria-labelledby="sessions-title" className="stack">
        <h2 id="sessions-title">Where you are signed in</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your sessions</caption>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    {session.userAgent ?? "Unknown browser"}{" "}
                    {session.current ? <span className="badge">This browser</span> : null}
                  </td>
                  <td>{session.clientAddress ?? "—"}</td>
                  <td>{formatDateTime(session.createdAt)}</td>
                  <td>{formatDateTime(session.lastSeenAt)}</td>
                  <td>
                    <RowAction
                      intent="end-session"
                      idField="sessionId"
                      id={session.id}
                      label="Sign out"
                      hiddenDetail=" this session"
                      variant="secondary"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="end-other-sessions" className="secondary">
            Sign out everywhere else
          </button>
          <button type="submit" name="intent" value="end-all-sessions" className="danger">
            Sign out everywhere
          </button>
        </Form>
      </section>
      <CalendarFeedSection feed={feed} actionData={actionData} />
      {apiTokens ? <ApiTokensSection view={apiTokens} actionData={actionData} /> : null}
      <section aria-labelledby="data-title" className="stack">
        <h2 id="data-title">Your data</h2>
        <p>
          <a href="/me/data.json" download>
            Download all your data
          </a>{" "}
          (JSON): your account, directory profile, applications, messages and campaigns.
        </p>
      </section>
      <section aria-labelledby="delete-title" className="card narrow">
        <h2 id="delete-title">Deleting the account</h2>
        <p>
          Your directory profile, messages and personal details are removed for good. Applications are kept without your
          answers, for the program&apos;s numbers; audit entries are kept without your name or address.
        </p>
        {deletionCodeSent ? (
          <Form method="post">
            <div className="field">
              <label htmlFor="deletion-code">Code from the email</label>
              <input id="deletion-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </div>
            <button type="submit" name="intent" value="confirm-deletion" className="danger">
              Delete my account now
            </button>
          </Form>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="request-deletion" className="danger">
              Email me a code to delete my account
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
