import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { ApplicationReviewerSchema } from "~/review/assignments.schema";
import { assignManually } from "~/review/assignments.server";
import { eligibleReviewers, reassign } from "~/review/reassignment.server";
import { requireRoundApplication, reviewerSearchText } from "~/review/staff-round.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { parseSubmission } from "~/utils/parse-submission";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds, round, application } = await requireRoundApplication(request, context, params);
  const url = new URL(request.url);
  const q = reviewerSearchText(url);
  const replacing = application.assignments.find(
    (assignment) => assignment.id === url.searchParams.get("replace") && assignment.status === "assigned",
  );
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    round: { position: round.position, name: round.name, several: rounds.length > 1 },
    application,
    replacing: replacing ?? null,
    q,
    reviewers: application.status === "in_review" ? await eligibleReviewers(context.db, round, application.id, q) : [],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle, round, application } = await requireRoundApplication(request, context, params);
  const submission = parseSubmission(await readFormData(request), { schema: ApplicationReviewerSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  const result =
    value.intent === "assign"
      ? await assignManually(context.db, context.config, staff.id, cycle, application.id, value.reviewerId, round)
      : await reassign(context.db, context.config, staff.id, cycle, round, {
          applicationId: application.id,
          assignmentId: value.assignmentId,
          version: value.version,
          reviewerId: value.reviewerId,
        });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  const message = value.intent === "assign" ? "Reviewer assigned." : "Reviewer replaced.";
  const back = new URL(request.url);
  back.search = "";
  if (new URL(request.url).searchParams.has("round")) back.searchParams.set("round", String(round.position));
  return redirect(back.pathname + back.search, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reviewers of ${data?.application.name ?? "an application"} — Staff — Open Web Fellows` },
];

export default function ApplicationReviewersPage() {
  const { cycle, round, application, replacing, q, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const roundQuery = round.several ? `round=${round.position}` : "";
  const here = `/staff/cycles/${cycle.slug}/assignments/${application.id}`;
  const withQuery = (params: Record<string, string>) => {
    const search = new URLSearchParams(roundQuery);
    for (const [key, value] of Object.entries(params)) search.set(key, value);
    const text = search.toString();
    return text ? `${here}?${text}` : here;
  };
  // With JavaScript the list follows the field as staff type; without it the Search button asks the page.
  const suggestions = useFetcher<{ q: string; reviewers: typeof reviewers }>();
  const [typed, setTyped] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onType = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const search = new URLSearchParams(roundQuery);
      search.set("q", text);
      suggestions.load(`${here}/reviewers?${search.toString()}`);
    }, 150);
  };
  const shown = suggestions.data && suggestions.data.q === typed.slice(0, 100) ? suggestions.data.reviewers : reviewers;
  return (
    <div className="stack">
      <h1>Reviewers of {application.name}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/assignments${roundQuery ? `?${roundQuery}` : ""}`}>
          Back to the assignments{round.several ? ` of ${round.name}` : ""}
        </Link>
      </p>
      <FormErrors errors={replyErrors(actionData)} />
      <div className="table-wrap">
        <table>
          <caption>Reviewers of {application.name} in this round</caption>
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Status</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {application.assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{assignment.reviewerName}</td>
                <td>
                  <span className="badge">{assignment.status}</span>
                  {assignment.recusalReason ? <span className="muted"> — {assignment.recusalReason}</span> : null}
                </td>
                <td>
                  {assignment.status === "assigned" ? (
                    <Link
                      to={withQuery({ replace: assignment.id })}
                      aria-current={replacing?.id === assignment.id ? "true" : undefined}
                    >
                      Replace<span className="visually-hidden"> {assignment.reviewerName}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {application.status !== "in_review" ? (
        <p>Only applications in review can be given reviewers.</p>
      ) : (
        <section className="card stack" aria-labelledby="find-title">
          <h2 id="find-title">
            {replacing ? `Find a reviewer to replace ${replacing.reviewerName}` : "Find a reviewer to add"}
          </h2>
          {replacing ? (
            <p>
              <Link to={withQuery({})}>Add a reviewer instead</Link>
            </p>
          ) : null}
          <Form method="get" className="inline-fields" role="search">
            {round.several ? <input type="hidden" name="round" value={round.position} /> : null}
            {replacing ? <input type="hidden" name="replace" value={replacing.id} /> : null}
            <label htmlFor="reviewer-search">Name or email</label>
            <input
              id="reviewer-search"
              type="search"
              name="q"
              value={typed}
              maxLength={100}
              autoComplete="off"
              aria-controls="reviewer-matches"
              onChange={(event) => onType(event.currentTarget.value)}
            />
            <button type="submit" className="secondary">
              Search
            </button>
          </Form>
          <p aria-live="polite" className="muted">
            {shown.length === 0
              ? "No reviewer on the panel of this round matches who could take this application (without a conflict, not assigned to it yet, under capacity)."
              : `${shown.length} reviewer${shown.length === 1 ? "" : "s"} who could take it, least loaded first.`}
          </p>
          <ul id="reviewer-matches" className="plain-list stack">
            {shown.map((reviewer) => (
              <li key={reviewer.id}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="reviewerId" value={reviewer.id} />
                  {replacing ? (
                    <>
                      <input type="hidden" name="assignmentId" value={replacing.id} />
                      <input type="hidden" name="version" value={replacing.version} />
                    </>
                  ) : null}
                  {reviewer.name}{" "}
                  <span className="muted">
                    (load {reviewer.load} of {reviewer.capacity})
                  </span>{" "}
                  <button type="submit" name="intent" value={replacing ? "reassign" : "assign"} className="secondary">
                    {replacing
                      ? `Put ${reviewer.name} in place of ${replacing.reviewerName}`
                      : `Assign ${reviewer.name}`}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
