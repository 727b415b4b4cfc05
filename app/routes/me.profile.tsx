import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { ProfileSchema, WithdrawSchema } from "~/network/profile.schema";
import { getOwnProfile, popularSkills, saveProfile, withdrawProfile } from "~/network/profiles.server";
import { DISCIPLINE_KEYS, DISCIPLINES, LANGUAGES, REGIONS, VISIBILITIES, VISIBILITY_KEYS } from "~/network/taxonomy";
import { TERMS, TERMS_VERSION } from "~/network/terms";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { unknownIntent } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [profile, skills] = await Promise.all([getOwnProfile(context.db, user.id), popularSkills(context.db)]);
  const listed = Boolean(profile && !profile.withdrawnAt);
  return {
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
          message: "You have left the directory. Your profile is hidden from everyone.",
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
        message: result.joined ? "Welcome to the network: your profile is listed." : "Profile saved.",
      }),
    },
  });
}

export const meta: MetaFunction = () => [{ title: "Your directory profile — Open Web Fellows" }];

export default function ProfilePage() {
  const { suggestedSkills, listed, profileId, consentedAt, needsConsent, requestedVisibility, version, defaults } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ProfileSchema, { id: "profile", lastResult, defaultValue: defaults });
  const chosen = (value: unknown, option: string) => (Array.isArray(value) ? value.includes(option) : value === option);
  const { key: bioKey, ...bioProps } = getTextareaProps(fields.bio);
  const { key: linksKey, ...linksProps } = getTextareaProps(fields.links);
  const { key: regionKey, ...regionProps } = getSelectProps(fields.region);
  const { key: consentKey, ...consentProps } = getInputProps(fields.consent, { type: "checkbox" });
  return (
    <div className="stack">
      <h1>Your directory profile</h1>
      {listed ? (
        <p className="notice">
          You are listed in the <Link to="/directory">network directory</Link> since {formatDateTime(consentedAt!)}.{" "}
          <Link to={`/directory/${profileId}`}>See your profile as others do</Link>.
        </p>
      ) : (
        <p className="lede">
          Join the network of allies: partners can find you by your skills and write to you, and staff can invite you to
          campaigns. Your email address is never shown.
        </p>
      )}
      {requestedVisibility ? (
        <p className="notice" role="note">
          Program staff imported your profile and asked to show it as &ldquo;
          {VISIBILITIES[requestedVisibility]}&rdquo;; choose who can see it below and save. Until you do, only program
          staff see it.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="narrow wide">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={version} />
        <Field label="Name to show" field={fields.displayName} />
        <Field label="Headline" field={fields.headline} hint="One line, up to 140 characters" />
        <div className="field">
          <label htmlFor={fields.bio.id}>About you</label>
          <textarea key={bioKey} {...bioProps} rows={6} />
          <ErrorList id={fields.bio.errorId} errors={fields.bio.errors} />
        </div>
        <fieldset className="choice-group" aria-describedby={fields.disciplines.errorId}>
          <legend className="fieldset-legend">Disciplines</legend>
          <div className="checkbox-grid">
            {DISCIPLINE_KEYS.map((key) => (
              <label key={key} className="choice">
                <input
                  type="checkbox"
                  name={fields.disciplines.name}
                  value={key}
                  defaultChecked={chosen(fields.disciplines.initialValue, key)}
                />
                {DISCIPLINES[key]}
              </label>
            ))}
          </div>
          <ErrorList id={fields.disciplines.errorId} errors={fields.disciplines.errors} />
        </fieldset>
        <Field
          label="Skills"
          field={fields.skills}
          hint="Separated by commas, for example: security training, localization"
          inputProps={{ list: "skill-suggestions" }}
        />
        <datalist id="skill-suggestions">
          {suggestedSkills.map((skill) => (
            <option key={skill} value={skill} />
          ))}
        </datalist>
        <p className="hint">Skills others use: {suggestedSkills.slice(0, 12).join(", ")}</p>
        <fieldset className="choice-group">
          <legend className="fieldset-legend">Languages you work in</legend>
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
        <Field label="Country" field={fields.country} />
        <div className="field">
          <label htmlFor={fields.region.id}>Region</label>
          <select key={regionKey} {...regionProps}>
            <option value="">Not given</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
          <ErrorList id={fields.region.errorId} errors={fields.region.errors} />
        </div>
        <Field label="Time zone" field={fields.timezone} hint="An IANA name such as Europe/Berlin or America/Bogota" />
        <div className="field">
          <label htmlFor={fields.links.id}>Links</label>
          <p className="hint" id={`${fields.links.id}-hint`}>
            One per line: a label, then the address. For example: Portfolio https://example.org
          </p>
          <textarea key={linksKey} {...linksProps} rows={3} />
          <ErrorList id={fields.links.errorId} errors={fields.links.errors} />
        </div>
        <Field label="Hours a month you can give" field={fields.hoursPerMonth} type="number" hint="0 if not now" />
        <Field label="Available from" field={fields.availableFrom} type="date" />
        <Field label="Available until" field={fields.availableUntil} type="date" />
        <fieldset className="choice-group">
          <legend className="fieldset-legend">Who can see your profile</legend>
          {VISIBILITY_KEYS.map((key) => (
            <label key={key} className="choice">
              <input
                type="radio"
                name={fields.visibility.name}
                value={key}
                defaultChecked={fields.visibility.initialValue === key}
              />
              {VISIBILITIES[key]}
            </label>
          ))}
          <ErrorList id={fields.visibility.errorId} errors={fields.visibility.errors} />
        </fieldset>
        <section aria-labelledby="terms-title" className="card">
          <h2 id="terms-title">Terms of the directory (version {TERMS_VERSION})</h2>
          <ul>
            {TERMS.map((term) => (
              <li key={term}>{term}</li>
            ))}
          </ul>
          {needsConsent ? (
            <div className="field">
              <label className="choice">
                <input key={consentKey} {...consentProps} />I agree to these terms and want to be listed
              </label>
              <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
            </div>
          ) : (
            <p className="muted">You agreed to these terms.</p>
          )}
        </section>
        <button type="submit">{listed ? "Save the profile" : "Join the directory"}</button>
      </Form>
      {listed ? (
        <section aria-labelledby="withdraw-title" className="card narrow">
          <h2 id="withdraw-title">Leave the directory</h2>
          <p>Your profile is hidden at once from searches, profile pages and campaign suggestions.</p>
          <Form method="post">
            <input type="hidden" name="version" value={version} />
            <button type="submit" name="intent" value="withdraw" className="danger">
              Withdraw my consent
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
