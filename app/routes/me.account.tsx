import { parseSubmission } from "~/utils/parse-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
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
import type { ReactNode } from "react";
import { z } from "zod";
import { CodeField } from "~/auth/auth.schema";
import { CODE_MESSAGES } from "~/auth/verification.server";
import { confirmAccountDeletion, LAST_STAFF_MESSAGE, requestAccountDeletion } from "~/privacy/privacy.server";
import { clearSessionCookie, endAllSessions, endSession, listSessions } from "~/auth/session.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { useFormat } from "~/components/use-format";
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
  { error: msg("forms.errors.unknownAction") },
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
          message: msg("accountPage.codeSent", { email: user.email }),
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
        ["Set-Cookie", await setFlash(context.config, { kind: "success", message: msg("accountPage.deleted") })],
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
          message: msg("accountPage.othersSignedOut", { count }),
        }),
      },
    });
  }
  // Another user's session id answers like a missing one.
  if (submission.value.intent !== "end-session") return invalid(submission.reply());
  const ended = await endSession(context.db, user.id, submission.value.sessionId);
  if (!ended) return data({ message: msg("accountPage.sessionMissing") }, { status: 404 });
  return redirect("/me/account", {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("accountPage.sessionEnded") }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

/** The export's link, whose words come from the sentence around it (Trans). */
function DataLink({ children }: { children?: ReactNode }) {
  return (
    <a href="/me/data.json" download>
      {children}
    </a>
  );
}

export default function AccountPage() {
  const { account, sessions, deletionCodeSent, feed, apiTokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
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
        <h2 id="sessions-title">{t("accountPage.sessionsTitle")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("accountPage.sessionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accountPage.browser")}</th>
                <th scope="col">{t("accountPage.address")}</th>
                <th scope="col">{t("accountPage.signedIn")}</th>
                <th scope="col">{t("accountPage.lastSeen")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("accountPage.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    {session.userAgent ?? t("accountPage.unknownBrowser")}{" "}
                    {session.current ? <span className="badge">{t("accountPage.thisBrowser")}</span> : null}
                  </td>
                  <td>{session.clientAddress ?? "—"}</td>
                  <td>{format.dateTime(session.createdAt)}</td>
                  <td>{format.dateTime(session.lastSeenAt)}</td>
                  <td>
                    <RowAction
                      intent="end-session"
                      idField="sessionId"
                      id={session.id}
                      label={t("accountPage.signOut")}
                      hiddenDetail={t("accountPage.thisSession")}
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
            {t("accountPage.signOutOthers")}
          </button>
          <button type="submit" name="intent" value="end-all-sessions" className="danger">
            {t("accountPage.signOutAll")}
          </button>
        </Form>
      </section>
      <CalendarFeedSection feed={feed} actionData={actionData} />
      {apiTokens ? <ApiTokensSection view={apiTokens} actionData={actionData} /> : null}
      <section aria-labelledby="data-title" className="stack">
        <h2 id="data-title">{t("accountPage.dataTitle")}</h2>
        <p>
          <Trans i18nKey="accountPage.download" components={{ anchor: <DataLink /> }} />
        </p>
      </section>
      <section aria-labelledby="delete-title" className="card narrow">
        <h2 id="delete-title">{t("accountPage.deleteTitle")}</h2>
        <p>{t("accountPage.deleteText")}</p>
        {deletionCodeSent ? (
          <Form method="post">
            <div className="field">
              <label htmlFor="deletion-code">{t("accountPage.deletionCode")}</label>
              <input id="deletion-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </div>
            <button type="submit" name="intent" value="confirm-deletion" className="danger">
              {t("accountPage.deleteNow")}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="request-deletion" className="danger">
              {t("accountPage.requestDeletion")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
