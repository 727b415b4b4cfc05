import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { FormErrors, replyErrors } from "~/components/forms";
import { ContactAnswerSchema } from "~/network/contact.schema";
import { answerContactRequest, listContacts } from "~/network/contact.server";
import { setFlash } from "~/utils/flash.server";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const STATUS: Record<"pending" | "accepted" | "declined", MessageKey> = {
  pending: "myContacts.status.pending",
  accepted: "myContacts.status.accepted",
  declined: "myContacts.status.declined",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { received, sent } = await listContacts(context.db, user.id);
  return {
    title: await pageTitle(request, context, msg("nav.messages")),
    received: received.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
    sent: sent.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: ContactAnswerSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent, requestId } = submission.value;
  const result = await answerContactRequest(
    context.db,
    user.id,
    requestId,
    intent === "accept" ? "accepted" : "declined",
  );
  if (!result.ok) {
    if (result.status === 404) notFound(result.message);
    return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  }
  const message = intent === "accept" ? msg("myContacts.acceptedFlash") : msg("myContacts.declinedFlash");
  return redirect("/me/contacts", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ContactsPage() {
  const { received, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("myContacts.title")}</h1>
      <FormErrors errors={replyErrors(actionData)} />
      <section aria-labelledby="received-title" className="stack">
        <h2 id="received-title">{t("myContacts.receivedTitle")}</h2>
        {received.length === 0 ? <p>{t("myContacts.noneReceived")}</p> : null}
        <ul className="result-list">
          {received.map((item) => (
            <li key={item.id} className="card">
              <h3 className="result-name">
                {t("myContacts.from", { name: item.senderName })}{" "}
                <span className="badge">{t(STATUS[item.status])}</span>
              </h3>
              <p className="muted">{format.dateTime(item.createdAt)}</p>
              <p className="prose">{item.message}</p>
              {item.status === "pending" ? (
                <Form method="post" className="actions">
                  <input type="hidden" name="requestId" value={item.id} />
                  <button type="submit" name="intent" value="accept">
                    {t("myContacts.acceptShare")}
                    <span className="visually-hidden">{t("myContacts.withName", { name: item.senderName })}</span>
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary">
                    {t("myContacts.decline")}
                    <span className="visually-hidden">{t("myContacts.messageFrom", { name: item.senderName })}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sent-title" className="stack">
        <h2 id="sent-title">{t("myContacts.sentTitle")}</h2>
        {sent.length === 0 ? (
          <p>
            <Trans i18nKey="myContacts.noneSent" components={{ anchor: <Link to="/directory" /> }} />
          </p>
        ) : null}
        <ul className="result-list">
          {sent.map((item) => (
            <li key={item.id} className="card">
              <h3 className="result-name">
                <Trans
                  i18nKey="myContacts.to"
                  values={{ name: item.displayName }}
                  components={{ anchor: <Link to={`/directory/${item.profileId}`} /> }}
                />{" "}
                <span className="badge">{t(STATUS[item.status])}</span>
              </h3>
              <p className="muted">{format.dateTime(item.createdAt)}</p>
              {item.allyEmail ? <p>{t("myContacts.theirEmail", { email: item.allyEmail })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
