import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, replyErrors } from "~/components/forms";
import { ContactAnswerSchema } from "~/network/contact.schema";
import { answerContactRequest, listContacts } from "~/network/contact.server";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const STATUS = { pending: "Waiting for an answer", accepted: "Accepted", declined: "Declined" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { received, sent } = await listContacts(context.db, user.id);
  return {
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
  const message =
    intent === "accept" ? "Accepted: they now have your email address." : "Declined: your address stays private.";
  return redirect("/me/contacts", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction = () => [{ title: "Messages — Open Web Fellows" }];

export default function ContactsPage() {
  const { received, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Messages through the directory</h1>
      <FormErrors errors={replyErrors(actionData)} />
      <section aria-labelledby="received-title" className="stack">
        <h2 id="received-title">Written to you</h2>
        {received.length === 0 ? <p>Nobody has written to you through the directory yet.</p> : null}
        <ul className="result-list">
          {received.map((item) => (
            <li key={item.id} className="card">
              <h3 className="result-name">
                From {item.senderName} <span className="badge">{STATUS[item.status]}</span>
              </h3>
              <p className="muted">{formatDateTime(item.createdAt)}</p>
              <p className="prose">{item.message}</p>
              {item.status === "pending" ? (
                <Form method="post" className="actions">
                  <input type="hidden" name="requestId" value={item.id} />
                  <button type="submit" name="intent" value="accept">
                    Accept and share my email<span className="visually-hidden"> with {item.senderName}</span>
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary">
                    Decline<span className="visually-hidden"> the message from {item.senderName}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sent-title" className="stack">
        <h2 id="sent-title">Written by you</h2>
        {sent.length === 0 ? (
          <p>
            You have not written to anyone. <Link to="/directory">Find allies in the directory</Link>.
          </p>
        ) : null}
        <ul className="result-list">
          {sent.map((item) => (
            <li key={item.id} className="card">
              <h3 className="result-name">
                To <Link to={`/directory/${item.profileId}`}>{item.displayName}</Link>{" "}
                <span className="badge">{STATUS[item.status]}</span>
              </h3>
              <p className="muted">{formatDateTime(item.createdAt)}</p>
              {item.allyEmail ? <p>Their email address: {item.allyEmail}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
