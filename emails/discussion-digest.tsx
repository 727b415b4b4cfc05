import { Link, Section, Text } from "@react-email/components";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface DiscussionDigestProps {
  name: string;
  threads: {
    /** The application as this recipient may see it: a blind label for reviewers of a blind cycle. */
    label: string;
    url: string;
    /** `at`: when it was posted, in the recipient's time zone. */
    /** `author`: a catalog message (`msg`) or a name. */
    posts: { author: string; at: EmailMoment; body: string }[];
  }[];
}

const postCount = (props: DiscussionDigestProps) => props.threads.reduce((sum, thread) => sum + thread.posts.length, 0);

export const subject = (props: DiscussionDigestProps, t: EmailT) => {
  const posts = postCount(props);
  return props.threads.length === 1
    ? t("email.discussionDigest.subjectThread", { count: posts, label: props.threads[0]!.label })
    : t("email.discussionDigest.subjectThreads", { count: props.threads.length, posts });
};

/** One message per recipient per pass of the digest job: every post since the last one, by thread. */
export default function DiscussionDigest({ name, threads }: DiscussionDigestProps) {
  const { t, language } = useEmailT();
  // Authors are named as the discussion page names them ("Reviewer 2 (you)"): a message in the catalog.
  const { i18n } = useTranslation();
  return (
    <EmailLayout
      preview={t("email.discussionDigest.preview")}
      heading={t("email.discussionDigest.heading")}
      reason={t("email.discussionDigest.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      {threads.map((thread) => (
        <Section key={thread.url}>
          <Text>
            <strong>{thread.label}</strong> — <Link href={thread.url}>{t("email.discussionDigest.readAndReply")}</Link>
          </Text>
          {thread.posts.map((post, index) => (
            <Text key={index} style={{ whiteSpace: "pre-wrap" }}>
              {t("email.discussionDigest.post", {
                author: translateMessage(i18n, post.author),
                at: formatMoment(post.at, language),
                body: post.body,
              })}
            </Text>
          ))}
        </Section>
      ))}
      {threads[0] ? <MainAction href={threads[0].url} label={t("email.discussionDigest.action")} /> : null}
    </EmailLayout>
  );
}

DiscussionDigest.PreviewProps = {
  name: "Kwame Mensah",
  threads: [
    {
      label: "Application 3F2A91C0",
      url: "http://localhost:3000/review/00000000-0000-0000-0000-000000000000#discussion",
      posts: [
        {
          author: "Reviewer 2",
          at: { at: "2026-12-01T14:05:00.000Z", timeZone: "UTC" },
          body: "I scored skill match low; the plan names no tools.",
        },
        {
          author: "Sam Rivera, program staff",
          at: { at: "2026-12-01T15:20:00.000Z", timeZone: "UTC" },
          body: "The host said tools can be taught.",
        },
      ],
    },
  ],
} satisfies DiscussionDigestProps;
