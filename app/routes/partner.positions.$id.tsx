import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors, replyErrors } from "~/components/forms";
import { RankList } from "~/components/rank-list";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { rankedWithoutInterview } from "~/interviews/overview.server";
import { meanScore, SCORE_CRITERIA, ScoreFields, scoresFromValues } from "~/interviews/scores";
import { hostSchedule } from "~/interviews/slots.server";
import { findPartnerPosition, positionCandidatesView, saveInterviewNotes } from "~/matching/partner.server";
import { PositionFields } from "~/matching/positions.schema";
import { updatePosition } from "~/matching/positions.server";
import { orderFromRankForm, previousOrder } from "~/matching/rank-form";
import { savePositionRanking } from "~/matching/rankings.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requirePartner } from "~/utils/permissions.server";

const PositionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("update-position"), version: z.coerce.number().int(), ...PositionFields }),
    z.object({
      intent: z.literal("save-notes"),
      applicationId: z.uuid(),
      version: z.coerce.number().int().min(0),
      notes: z
        .string()
        .max(10_000, msg("forms.errors.maxChars", { count: 10_000 }))
        .optional()
        .default(""),
      ...ScoreFields,
    }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requirePartner(request, context);
  const position = isUuid(id) ? await findPartnerPosition(context.db, id, user.id) : undefined;
  if (!position) notFound(msg("partnerPositions.errors.positionNotFound"));
  return { user, position };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { position } = await load(request, context, params.id);
  const [view, schedule] = await Promise.all([
    positionCandidatesView(context.db, position),
    hostSchedule(context.db, position.id),
  ]);
  const interviewOf = (id: string) => {
    const slotId = schedule.finalists.find((finalist) => finalist.id === id)?.slotId;
    const slot = slotId ? schedule.slots.find((row) => row.id === slotId) : undefined;
    return slot ? { at: slot.startsAt.toISOString(), timeZone: position.interviewTimezone } : null;
  };
  const rankingOpen =
    ["reviewing", "matching"].includes(position.cycleStatus) && !position.pastDeadline && !position.published;
  return {
    title: await pageTitle(request, context, position.title, msg("partnerPositions.area")),
    position: {
      id: position.id,
      title: position.title,
      description: position.description,
      seats: position.seats,
      skills: position.skills,
      location: position.location,
      remote: position.remote,
      version: position.version,
      organizationName: position.organizationName,
      cycleName: position.cycleName,
      deadline: position.rankingDeadline
        ? { at: position.rankingDeadline.toISOString(), timeZone: position.timezone }
        : null,
    },
    rankingOpen,
    published: position.published,
    candidates: view.candidates.map((candidate) => ({
      ...candidate,
      interview: interviewOf(candidate.id),
      meanScore: meanScore(candidate.scores),
    })),
    ranking: view.ranking,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, position } = await load(request, context, params.id);
  const formData = await readFormData(request);
  const back = async (message: string) =>
    redirect(`/partner/positions/${position.id}`, {
      headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
    });

  if (formData.get("intent") === "save-ranking" || formData.has("move")) {
    const view = await positionCandidatesView(context.db, position);
    const read = orderFromRankForm(formData.entries(), {
      allowed: view.candidates.map((c) => c.id),
      current: view.ranking,
    });
    if (!read.ok)
      return invalid({ target: "ranking", result: { status: "error" as const, error: { "": [read.message] } } });
    // Ranking someone never interviewed is allowed, but only when the host says so for each.
    const confirmed = new Set(formData.getAll("withoutInterview").map(String));
    const unconfirmed = (await rankedWithoutInterview(context.db, position.id, read.order)).filter(
      (id) => !confirmed.has(id),
    );
    if (unconfirmed.length > 0) {
      const names = unconfirmed.map((id) => view.candidates.find((c) => c.id === id)?.name ?? id);
      return invalid({
        target: "ranking",
        result: {
          status: "error" as const,
          error: {
            "": [msg("partnerPositions.noInterview", { names: names.join(", ") })],
          },
        },
        withoutInterview: unconfirmed.map((id, index) => ({ id, name: names[index]! })),
        draft: read.order,
      });
    }
    const saved = await savePositionRanking(context.db, {
      positionId: position.id,
      actorId: user.id,
      order: read.order,
      previous: previousOrder(formData),
    });
    if (!saved.ok)
      return invalid(
        { target: "ranking", result: { status: "error" as const, error: { "": [saved.message] } } },
        saved.status,
      );
    return back(msg("partnerPositions.rankingSaved"));
  }
  const submission = parseSubmission(formData, { schema: PositionActionSchema });
  const target = String(formData.get("applicationId") ?? "position");
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const result =
    value.intent === "update-position"
      ? await updatePosition(context.db, user.id, position.id, value.version, value)
      : await saveInterviewNotes(context.db, {
          positionId: position.id,
          applicationId: value.applicationId,
          notes: value.notes,
          scores: scoresFromValues(value),
          version: value.version,
          actorId: user.id,
        });
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  return back(
    value.intent === "update-position" ? msg("partnerPositions.positionSaved") : msg("partnerPositions.notesSaved"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function PartnerPositionPage() {
  const { position, rankingOpen, published, candidates, ranking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  // The server's answer when some ranked finalists were never interviewed: who, and the order tried.
  const confirm =
    actionData && "withoutInterview" in actionData
      ? (actionData as unknown as { withoutInterview: { id: string; name: string }[]; draft: string[] })
      : null;
  return (
    <div className="stack">
      <p className="muted">
        {position.organizationName} · {position.cycleName}
      </p>
      <h1>{position.title}</h1>
      <p>
        <Link to={`/partner/positions/${position.id}/interviews`}>{t("partnerPositions.interviewsLink")}</Link>
      </p>
      <section aria-labelledby="ranking-title" className="card stack">
        <h2 id="ranking-title">{t("partnerPositions.rankTitle")}</h2>
        <p>
          {t("partnerPositions.rankIntro")}{" "}
          {position.deadline
            ? t("partnerPositions.rankingsClose", {
                date: format.dateTime(position.deadline.at, position.deadline.timeZone),
              })
            : t("partnerPositions.rankingsOpen")}{" "}
          {t("partnerPositions.mutual")}
        </p>
        {published ? <p className="notice">{t("partnerPositions.published")}</p> : null}
        <FormErrors errors={errorsFor("ranking")} />
        {candidates.length === 0 ? (
          <p>{t("partnerPositions.noFinalists")}</p>
        ) : (
          <RankList
            name={t("partnerPositions.rankName")}
            items={candidates.map((c) => ({
              id: c.id,
              label: c.name,
              note: [
                c.interview
                  ? t("partnerPositions.noteInterview", {
                      date: format.dateTime(c.interview.at, c.interview.timeZone),
                    })
                  : t("partnerPositions.noteNotInterviewed"),
                c.meanScore !== null ? t("partnerPositions.noteScore", { score: format.number(c.meanScore) }) : null,
              ]
                .filter(Boolean)
                .join(" · "),
            }))}
            ranked={ranking}
            draft={confirm?.draft}
            disabled={!rankingOpen}
          >
            {confirm ? (
              <fieldset className="choice-group notice">
                <legend className="fieldset-legend">{t("partnerPositions.withoutInterview")}</legend>
                {confirm.withoutInterview.map((finalist) => (
                  <label key={finalist.id} className="choice">
                    <input type="checkbox" name="withoutInterview" value={finalist.id} />
                    {t("partnerPositions.rankWithout", { name: finalist.name })}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </RankList>
        )}
      </section>
      <section aria-labelledby="candidates-title" className="stack">
        <h2 id="candidates-title">{t("partnerPositions.finalistsTitle")}</h2>
        {candidates.map((candidate) => (
          <article key={candidate.id} className="card stack" aria-labelledby={`candidate-${candidate.id}`}>
            <h3 id={`candidate-${candidate.id}`}>{candidate.name}</h3>
            <details>
              <summary>{t("partnerPositions.readApplication")}</summary>
              <dl className="answers">
                {candidate.answers.map((answer) => (
                  <div key={answer.id}>
                    <dt>{answer.label}</dt>
                    <dd>
                      {answer.file ? (
                        <a href={`/files/${answer.file.id}`}>{answer.file.name}</a>
                      ) : (
                        (answer.text ?? <span className="muted">{t("applyReview.notAnswered")}</span>)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
            <Form method="post" className="stack">
              <input type="hidden" name="applicationId" value={candidate.id} />
              <input type="hidden" name="version" value={candidate.notesVersion} />
              <FormErrors errors={errorsFor(candidate.id)} />
              <p>
                {candidate.interview
                  ? t("partnerPositions.interviewBooked", {
                      date: format.dateTime(candidate.interview.at, candidate.interview.timeZone),
                    })
                  : t("partnerPositions.noInterviewBooked")}
                {candidate.meanScore !== null
                  ? ` ${t("partnerPositions.yourScore", { score: format.number(candidate.meanScore) })}`
                  : ""}
              </p>
              <label htmlFor={`notes-${candidate.id}`}>{t("partnerPositions.notes")}</label>
              <textarea id={`notes-${candidate.id}`} name="notes" rows={3} defaultValue={candidate.notes} />
              <fieldset className="score-grid">
                <legend className="fieldset-legend">{t("partnerPositions.scoreLegend")}</legend>
                {SCORE_CRITERIA.map((criterion) => (
                  <div key={criterion.key} className="field">
                    <label htmlFor={`score-${criterion.key}-${candidate.id}`}>{t(criterion.label)}</label>
                    <select
                      id={`score-${criterion.key}-${candidate.id}`}
                      name={`score_${criterion.key}`}
                      defaultValue={String(candidate.scores[criterion.key] ?? "")}
                    >
                      <option value="">{t("partnerPositions.notScored")}</option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
              <button type="submit" name="intent" value="save-notes" className="secondary">
                {t("partnerPositions.saveNotes")}
                <span className="visually-hidden">{t("partnerPositions.saveNotesOn", { name: candidate.name })}</span>
              </button>
            </Form>
          </article>
        ))}
      </section>
      <details className="card">
        <summary>{t("partnerPositions.edit")}</summary>
        <Form method="post" className="stack">
          <FormErrors errors={errorsFor("position")} />
          <input type="hidden" name="version" value={position.version} />
          <div className="field">
            <label htmlFor="title">{t("partnerPositions.titleLabel")}</label>
            <input id="title" name="title" type="text" defaultValue={position.title} required />
          </div>
          <div className="field">
            <label htmlFor="description">{t("partnerPositions.description")}</label>
            <textarea id="description" name="description" rows={4} defaultValue={position.description} />
          </div>
          <div className="field">
            <label htmlFor="seats">{t("partnerPositions.seats")}</label>
            <input id="seats" name="seats" type="number" min={0} max={20} defaultValue={position.seats} />
          </div>
          <div className="field">
            <label htmlFor="skills">{t("partnerPositions.skills")}</label>
            <input id="skills" name="skills" type="text" defaultValue={position.skills.join(", ")} />
          </div>
          <div className="field">
            <label htmlFor="location">{t("partnerPositions.location")}</label>
            <input id="location" name="location" type="text" defaultValue={position.location} />
          </div>
          <label className="choice">
            <input type="checkbox" name="remote" defaultChecked={position.remote} />
            {t("partnerPositions.remote")}
          </label>
          <button type="submit" name="intent" value="update-position">
            {t("partnerPositions.savePosition")}
          </button>
        </Form>
      </details>
    </div>
  );
}
