import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { canContactAllies, directoryAudience } from "~/auth/roles";
import { disciplineText, regionText } from "~/components/directory-results";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { ContactRequestSchema } from "~/network/contact.schema";
import { sendContactRequest } from "~/network/contact.server";
import { getDirectoryProfile } from "~/network/directory.server";
import { alumniCohorts } from "~/fellowships/views.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { getOptionalUser, requireUser } from "~/utils/permissions.server";

const MISSING = msg("allyProfile.missing");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  // A profile this viewer may not see answers exactly like one that does not exist.
  const profile = isUuid(params.id)
    ? await getDirectoryProfile(context.db, params.id, directoryAudience(user), user?.id ?? null)
    : undefined;
  if (!profile) notFound(MISSING);
  const own = user?.id === profile.userId;
  // Alumni who consented show their cohort; nothing else of the fellowship is public.
  const cohorts = (await alumniCohorts(context.db, [profile.userId])).get(profile.userId) ?? [];
  return {
    title: await pageTitle(request, context, profile.displayName, msg("directory.title")),
    cohorts,
    profile: {
      id: profile.id,
      displayName: profile.displayName,
      headline: profile.headline,
      bio: profile.bio,
      disciplines: profile.disciplines,
      skills: profile.skills,
      languages: profile.languages,
      country: profile.country,
      region: profile.region,
      timezone: profile.timezone,
      links: profile.links,
      hoursPerMonth: profile.hoursPerMonth,
      availableFrom: profile.availableFrom,
      availableUntil: profile.availableUntil,
      availableNow: profile.availableNow,
      updatedAt: profile.updatedAt.toISOString(),
    },
    own,
    canContact: canContactAllies(user) && !own,
    signedIn: Boolean(user),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  if (!canContactAllies(user)) notFound(MISSING);
  if (!isUuid(params.id)) notFound(MISSING);
  const submission = parseSubmission(await readFormData(request), { schema: ContactRequestSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await sendContactRequest(context.db, context.config, user, params.id, submission.value.message);
  if (!result.ok) {
    if (result.status === 404) notFound(MISSING);
    return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  }
  return redirect(`/directory/${params.id}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: msg("allyProfile.sent"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

function availability(
  t: TFunction,
  date: (value: string) => string,
  profile: { hoursPerMonth: number; availableFrom: string | null; availableUntil: string | null },
) {
  if (profile.hoursPerMonth === 0) return t("allyProfile.notAvailable");
  const count = profile.hoursPerMonth;
  const from = profile.availableFrom ? date(profile.availableFrom) : null;
  const until = profile.availableUntil ? date(profile.availableUntil) : null;
  if (from && until) return t("allyProfile.hoursBetween", { count, from, until });
  if (from) return t("allyProfile.hoursFrom", { count, from });
  if (until) return t("allyProfile.hoursUntil", { count, until });
  return t("allyProfile.hours", { count });
}

export default function DirectoryProfilePage() {
  const { profile, own, canContact, signedIn, cohorts } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ContactRequestSchema, { id: "contact", lastResult });
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <p>
        <Link to="/directory">{t("allyProfile.back")}</Link>
      </p>
      <h1>{profile.displayName}</h1>
      {profile.headline ? <p className="lede">{profile.headline}</p> : null}
      {cohorts.length > 0 ? (
        <p>
          <span className="badge badge-success">
            {t("allyProfile.alumnus", { count: cohorts.length, cohorts: cohorts.join(", ") })}
          </span>
        </p>
      ) : null}
      {own ? (
        <p className="notice">
          <Trans i18nKey="allyProfile.own" components={{ anchor: <Link to="/me/profile" /> }} />
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("allyProfile.disciplines")}</dt>
        <dd>{profile.disciplines.map((value) => disciplineText(t, value)).join(", ") || "—"}</dd>
        <dt>{t("directory.skills")}</dt>
        <dd>{profile.skills.join(", ") || "—"}</dd>
        <dt>{t("directory.languages")}</dt>
        <dd>{profile.languages.join(", ") || "—"}</dd>
        <dt>{t("allyProfile.where")}</dt>
        <dd>
          {[profile.country, profile.region ? regionText(t, profile.region) : null].filter(Boolean).join(", ") || "—"}
        </dd>
        <dt>{t("allyProfile.timeZone")}</dt>
        <dd>{profile.timezone}</dd>
        <dt>{t("directory.availability")}</dt>
        <dd>
          {availability(t, (value) => format.date(value), profile)}
          {profile.availableNow ? <span className="badge badge-success"> {t("directory.availableNow")}</span> : null}
        </dd>
      </dl>
      {profile.bio ? <p className="prose">{profile.bio}</p> : null}
      {profile.links.length ? (
        <ul aria-label={t("allyProfile.links")}>
          {profile.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} rel="noopener noreferrer nofollow">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {canContact ? (
        <section aria-labelledby="contact-title" className="card narrow">
          <h2 id="contact-title">{t("allyProfile.writeTo", { name: profile.displayName })}</h2>
          <p className="hint">{t("allyProfile.contactHint")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="contact" />
            <div className="field">
              <label htmlFor={fields.message.id}>{t("allyProfile.yourMessage")}</label>
              <textarea {...getTextareaProps(fields.message)} key={fields.message.key} rows={6} />
              <ErrorList id={fields.message.errorId} errors={fields.message.errors} />
            </div>
            <button type="submit">{t("allyProfile.send")}</button>
          </Form>
        </section>
      ) : !signedIn ? (
        <p className="muted">{t("allyProfile.partnersCanWrite")}</p>
      ) : null}
    </div>
  );
}
