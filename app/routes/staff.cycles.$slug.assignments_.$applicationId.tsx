import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { ApplicationReviewerSchema } from "~/review/assignments.schema";
import { assignManually } from "~/review/assignments.server";
import { eligibleReviewers, reassign } from "~/review/reassignment.server";
import { requireRoundApplication, reviewerSearchText } from "~/review/staff-round.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { ASSIGNMENT_STATUS_KEYS } from "~/review/assignment-status";
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
    title: await pageTitle(
      request,
      context,
      msg("selection.reviewersOf.pageTitle", { name: application.name }),
      msg("nav.staff"),
    ),
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
  const message =
    value.intent === "assign"
      ? msg("selection.assignments.flash.assigned")
      : msg("selection.reviewersOf.flash.replaced");
  const back = new URL(request.url);
  back.search = "";
  if (new URL(request.url).searchParams.has("round")) back.searchParams.set("round", String(round.position));
  return redirect(back.pathname + back.search, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ApplicationReviewersPage() {
  const { cycle, round, application, replacing, q, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
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
      <h1>{t("selection.reviewersOf.heading", { name: application.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/assignments${roundQuery ? `?${roundQuery}` : ""}`}>
          {round.several
            ? t("selection.reviewersOf.backRound", { round: round.name })
            : t("selection.reviewersOf.back")}
        </Link>
      </p>
      <FormErrors errors={replyErrors(actionData)} />
      <div className="table-wrap">
        <table>
          <caption>{t("selection.reviewersOf.caption", { name: application.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("selection.reviewer")}</th>
              <th scope="col">{t("selection.status")}</th>
              <th scope="col">{t("selection.reviewersOf.change")}</th>
            </tr>
          </thead>
          <tbody>
            {application.assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{assignment.reviewerName}</td>
                <td>
                  <span className="badge">{t(ASSIGNMENT_STATUS_KEYS[assignment.status])}</span>
                  {assignment.recusalReason ? <span className="muted"> — {assignment.recusalReason}</span> : null}
                </td>
                <td>
                  {assignment.status === "assigned" ? (
                    <Link
                      to={withQuery({ replace: assignment.id })}
                      aria-current={replacing?.id === assignment.id ? "true" : undefined}
                    >
                      {t("selection.reviewersOf.replace")}
                      <span className="visually-hidden"> {assignment.reviewerName}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {application.status !== "in_review" ? (
        <p>{t("selection.reviewersOf.onlyInReview")}</p>
      ) : (
        <section className="card stack" aria-labelledby="find-title">
          <h2 id="find-title">
            {replacing
              ? t("selection.reviewersOf.findReplacement", { name: replacing.reviewerName })
              : t("selection.reviewersOf.findNew")}
          </h2>
          {replacing ? (
            <p>
              <Link to={withQuery({})}>{t("selection.reviewersOf.addInstead")}</Link>
            </p>
          ) : null}
          <Form method="get" className="inline-fields" role="search">
            {round.several ? <input type="hidden" name="round" value={round.position} /> : null}
            {replacing ? <input type="hidden" name="replace" value={replacing.id} /> : null}
            <label htmlFor="reviewer-search">{t("selection.nameOrEmail")}</label>
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
              {t("selection.reviewersOf.search")}
            </button>
          </Form>
          <p aria-live="polite" className="muted">
            {shown.length === 0
              ? t("selection.reviewersOf.noMatch")
              : t("selection.reviewersOf.matches", { count: shown.length })}
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
                    {t("selection.reviewersOf.load", { load: reviewer.load, capacity: reviewer.capacity })}
                  </span>{" "}
                  <button type="submit" name="intent" value={replacing ? "reassign" : "assign"} className="secondary">
                    {replacing
                      ? t("selection.reviewersOf.putInPlace", { name: reviewer.name, old: replacing.reviewerName })
                      : t("selection.reviewersOf.assign", { name: reviewer.name })}
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
