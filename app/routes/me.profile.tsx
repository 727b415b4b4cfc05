import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { disciplineText, regionText } from "~/components/directory-results";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { ProfileSchema, WithdrawSchema } from "~/network/profile.schema";
import { getOwnProfile, popularSkills, saveProfile, withdrawProfile } from "~/network/profiles.server";
import { DISCIPLINE_KEYS, LANGUAGES, REGIONS, VISIBILITY_KEYS, type Visibility } from "~/network/taxonomy";
import { TERM_KEYS, TERMS_VERSION } from "~/network/terms";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { unknownIntent } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const VISIBILITY_LABELS: Record<Visibility, MessageKey> = {
  public: "myProfile.visibilities.public",
  network: "myProfile.visibilities.network",
  staff: "myProfile.visibilities.staff",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [profile, skills] = await Promise.all([getOwnProfile(context.db, user.id), popularSkills(context.db)]);
  const listed = Boolean(profile && !profile.withdrawnAt);
  return {
    title: await pageTitle(request, context, msg("myProfile.title")),
    suggestedSkills: skills,
    listed,
    profileId: profile?.id ?? null,
    consentedAt: listed ? profile!.consentedAt.toISOString() : null,
    needsConsent: !listed || profile!.termsVersion !== TERMS_VERSION,
    // A staff import asked for a wider audience than staff: the person answers it with this form.
    requestedVisibility: listed ? profile!.requestedVisibility : null,
    version: profile?.version ?? 0,
    defaults: profile
      ? {
          displayName: profile.displayName,
          headline: profile.headline,
          bio: profile.bio,
          disciplines: profile.disciplines,
          skills: profile.skills.join(", "),
          languages: profile.languages,
          country: profile.country ?? "",
          region: profile.region ?? "",
          timezone: profile.timezone,
          links: profile.links.map((link) => `${link.label} ${link.url}`).join("\n"),
          hoursPerMonth: String(profile.hoursPerMonth),
          availableFrom: profile.availableFrom ?? "",
          availableUntil: profile.availableUntil ?? "",
          visibility: profile.visibility,
        }
      : // Listed to program staff only until the person chooses a wider audience.
        { displayName: user.name, timezone: "UTC", hoursPerMonth: "4", visibility: "staff" },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "withdraw") {
    const submission = parseSubmission(formData, { schema: WithdrawSchema });
    if (submission.status !== "success") return invalid(submission.reply());
    const result = await withdrawProfile(context.db, user.id, submission.value.version);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    return redirect("/me/profile", {
      headers: {
        "Set-Cookie": await setFlash(context.config, {
          kind: "success",
          message: msg("myProfile.left"),
        }),
      },
    });
  }
  if (intent !== "save") unknownIntent();
  const submission = parseSubmission(formData, { schema: ProfileSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await saveProfile(context.db, user.id, submission.value);
  if (!result.ok) {
    return invalid(
      submission.reply(
        result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
      ),
      result.status,
    );
  }
  return redirect("/me/profile", {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: result.joined ? msg("myProfile.welcome") : msg("myProfile.saved"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ProfilePage() {
  const { suggestedSkills, listed, profileId, consentedAt, needsConsent, requestedVisibility, version, defaults } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ProfileSchema, { id: "profile", lastResult, defaultValue: defaults });
  const { t } = useTranslation();
  const format = useFormat();
  const chosen = (value: unknown, option: string) => (Array.isArray(value) ? value.includes(option) : value === option);
  const { key: bioKey, ...bioProps } = getTextareaProps(fields.bio);
  const { key: linksKey, ...linksProps } = getTextareaProps(fields.links);
  const { key: regionKey, ...regionProps } = getSelectProps(fields.region);
  const { key: consentKey, ...consentProps } = getInputProps(fields.consent, { type: "checkbox" });
  return (
    <div className="stack">
      <h1>{t("myProfile.title")}</h1>
      {listed ? (
        <p className="notice">
          <Trans
            i18nKey="myProfile.listedSince"
            values={{ date: format.dateTime(consentedAt!) }}
            components={{ dir: <Link to="/directory" />, own: <Link to={`/directory/${profileId}`} /> }}
          />
        </p>
      ) : (
        <p className="lede">{t("myProfile.joinLede")}</p>
      )}
      {requestedVisibility ? (
        <p className="notice" role="note">
          {t("myProfile.requested", { visibility: t(VISIBILITY_LABELS[requestedVisibility]) })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="narrow wide">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={version} />
        <Field label={t("myProfile.displayName")} field={fields.displayName} />
        <Field label={t("myProfile.headline")} field={fields.headline} hint={t("myProfile.headlineHint")} />
        <div className="field">
          <label htmlFor={fields.bio.id}>{t("myProfile.bio")}</label>
          <textarea key={bioKey} {...bioProps} rows={6} />
          <ErrorList id={fields.bio.errorId} errors={fields.bio.errors} />
        </div>
        <fieldset className="choice-group" aria-describedby={fields.disciplines.errorId}>
          <legend className="fieldset-legend">{t("allyProfile.disciplines")}</legend>
          <div className="checkbox-grid">
            {DISCIPLINE_KEYS.map((key) => (
              <label key={key} className="choice">
                <input
                  type="checkbox"
                  name={fields.disciplines.name}
                  value={key}
                  defaultChecked={chosen(fields.disciplines.initialValue, key)}
                />
                {disciplineText(t, key)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.disciplines.errorId} errors={fields.disciplines.errors} />
        </fieldset>
        <Field
          label={t("directory.skills")}
          field={fields.skills}
          hint={t("myProfile.skillsHint")}
          inputProps={{ list: "skill-suggestions" }}
        />
        <datalist id="skill-suggestions">
          {suggestedSkills.map((skill) => (
            <option key={skill} value={skill} />
          ))}
        </datalist>
        <p className="hint">{t("myProfile.skillsOthers", { skills: suggestedSkills.slice(0, 12).join(", ") })}</p>
        <fieldset className="choice-group">
          <legend className="fieldset-legend">{t("myProfile.languages")}</legend>
          <div className="checkbox-grid">
            {LANGUAGES.map((language) => (
              <label key={language} className="choice">
                <input
                  type="checkbox"
                  name={fields.languages.name}
                  value={language}
                  defaultChecked={chosen(fields.languages.initialValue, language)}
                />
                {language}
              </label>
            ))}
          </div>
          <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
        </fieldset>
        <Field label={t("myProfile.country")} field={fields.country} />
        <div className="field">
          <label htmlFor={fields.region.id}>{t("directory.region")}</label>
          <select key={regionKey} {...regionProps}>
            <option value="">{t("myProfile.notGiven")}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {regionText(t, region)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.region.errorId} errors={fields.region.errors} />
        </div>
        <Field label={t("allyProfile.timeZone")} field={fields.timezone} hint={t("myProfile.timeZoneHint")} />
        <div className="field">
          <label htmlFor={fields.links.id}>{t("allyProfile.links")}</label>
          <p className="hint" id={`${fields.links.id}-hint`}>
            {t("myProfile.linksHint")}
          </p>
          <textarea key={linksKey} {...linksProps} rows={3} />
          <ErrorList id={fields.links.errorId} errors={fields.links.errors} />
        </div>
        <Field
          label={t("myProfile.hours")}
          field={fields.hoursPerMonth}
          type="number"
          hint={t("myProfile.hoursHint")}
        />
        <Field label={t("myProfile.availableFrom")} field={fields.availableFrom} type="date" />
        <Field label={t("myProfile.availableUntil")} field={fields.availableUntil} type="date" />
        <fieldset className="choice-group">
          <legend className="fieldset-legend">{t("myProfile.visibility")}</legend>
          {VISIBILITY_KEYS.map((key) => (
            <label key={key} className="choice">
              <input
                type="radio"
                name={fields.visibility.name}
                value={key}
                defaultChecked={fields.visibility.initialValue === key}
              />
              {t(VISIBILITY_LABELS[key])}
            </label>
          ))}
          <ErrorList id={fields.visibility.errorId} errors={fields.visibility.errors} />
        </fieldset>
        <section aria-labelledby="terms-title" className="card">
          <h2 id="terms-title">{t("myProfile.termsTitle", { version: TERMS_VERSION })}</h2>
          <ul>
            {TERM_KEYS.map((term) => (
              <li key={term}>{t(term)}</li>
            ))}
          </ul>
          {needsConsent ? (
            <div className="field">
              <label className="choice">
                <input key={consentKey} {...consentProps} />
                {t("myProfile.agree")}
              </label>
              <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
            </div>
          ) : (
            <p className="muted">{t("myProfile.agreed")}</p>
          )}
        </section>
        <button type="submit">{listed ? t("myProfile.save") : t("myProfile.join")}</button>
      </Form>
      {listed ? (
        <section aria-labelledby="withdraw-title" className="card narrow">
          <h2 id="withdraw-title">{t("myProfile.leaveTitle")}</h2>
          <p>{t("myProfile.leaveText")}</p>
          <Form method="post">
            <input type="hidden" name="version" value={version} />
            <button type="submit" name="intent" value="withdraw" className="danger">
              {t("myProfile.withdraw")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
