import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { canContactAllies, directoryAudience } from "~/auth/roles";
import { disciplineLabel } from "~/components/directory-results";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { ContactRequestSchema } from "~/network/contact.schema";
import { sendContactRequest } from "~/network/contact.server";
import { getDirectoryProfile } from "~/network/directory.server";
import { alumniCohorts } from "~/fellowships/views.server";
import { setFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { getOptionalUser, requireUser } from "~/utils/permissions.server";

const MISSING = "We could not find that profile.";

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
        message: "Message sent. You will get an email when they answer; their address stays private until they accept.",
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.profile.displayName} — Network directory — Open Web Fellows` : "Network directory" },
];

function availability(profile: { hoursPerMonth: number; availableFrom: string | null; availableUntil: string | null }) {
  if (profile.hoursPerMonth === 0) return "Not available for campaigns at the moment";
  const from = profile.availableFrom ? ` from ${formatDate(profile.availableFrom)}` : "";
  const until = profile.availableUntil ? ` until ${formatDate(profile.availableUntil)}` : "";
  return `${profile.hoursPerMonth} hours a month${from}${until}`;
}

export default function DirectoryProfilePage() {
  const { profile, own, canContact, signedIn, cohorts } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ContactRequestSchema, { id: "contact", lastResult });
  return (
    <div className="stack">
      <p>
        <Link to="/directory">Back to the directory</Link>
      </p>
      <h1>{profile.displayName}</h1>
      {profile.headline ? <p className="lede">{profile.headline}</p> : null}
      {cohorts.length > 0 ? (
        <p>
          <span className="badge badge-success">
            Open Web Fellows alumnus · {cohorts.join(", ")} cohort{cohorts.length > 1 ? "s" : ""}
          </span>
        </p>
      ) : null}
      {own ? (
        <p className="notice">
          This is your profile as others see it. <Link to="/me/profile">Edit it</Link>.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Disciplines</dt>
        <dd>{profile.disciplines.map(disciplineLabel).join(", ") || "—"}</dd>
        <dt>Skills</dt>
        <dd>{profile.skills.join(", ") || "—"}</dd>
        <dt>Languages</dt>
        <dd>{profile.languages.join(", ") || "—"}</dd>
        <dt>Where</dt>
        <dd>{[profile.country, profile.region].filter(Boolean).join(", ") || "—"}</dd>
        <dt>Time zone</dt>
        <dd>{profile.timezone}</dd>
        <dt>Availability</dt>
        <dd>
          {availability(profile)}
          {profile.availableNow ? <span className="badge badge-success"> Available now</span> : null}
        </dd>
      </dl>
      {profile.bio ? <p className="prose">{profile.bio}</p> : null}
      {profile.links.length ? (
        <ul aria-label="Links">
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
          <h2 id="contact-title">Write to {profile.displayName}</h2>
          <p className="hint">
            They receive your message by email. Their address is shared with you only if they accept.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="contact" />
            <div className="field">
              <label htmlFor={fields.message.id}>Your message</label>
              <textarea {...getTextareaProps(fields.message)} key={fields.message.key} rows={6} />
              <ErrorList id={fields.message.errorId} errors={fields.message.errors} />
            </div>
            <button type="submit">Send the message</button>
          </Form>
        </section>
      ) : !signedIn ? (
        <p className="muted">Host partners and program staff can write to allies through the portal.</p>
      ) : null}
    </div>
  );
}
