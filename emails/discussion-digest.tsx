import { Link, Section, Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface DiscussionDigestProps {
  name: string;
  threads: {
    /** The application as this recipient may see it: a blind label for reviewers of a blind cycle. */
    label: string;
    url: string;
    posts: { author: string; at: string; body: string }[];
  }[];
}

const postCount = (props: DiscussionDigestProps) => props.threads.reduce((sum, thread) => sum + thread.posts.length, 0);

export const subject = (props: DiscussionDigestProps) => {
  const posts = postCount(props);
  return props.threads.length === 1
    ? `${posts} new post${posts === 1 ? "" : "s"} in the discussion of ${props.threads[0]!.label}`
    : `${posts} new posts in ${props.threads.length} review discussions`;
};

/** One message per recipient per pass of the digest job: every post since the last one, by thread. */
export default function DiscussionDigest({ name, threads }: DiscussionDigestProps) {
  return (
    <EmailLayout
      preview="New posts in a review discussion"
      heading="New posts in review discussions"
      reason="You received this email because you take part in the review discussion of these applications."
    >
      <Text>Hello {name},</Text>
      {threads.map((thread) => (
        <Section key={thread.url}>
          <Text>
            <strong>{thread.label}</strong> — <Link href={thread.url}>read and reply</Link>
          </Text>
          {thread.posts.map((post, index) => (
            <Text key={index} style={{ whiteSpace: "pre-wrap" }}>
              {post.author}, {post.at}: {post.body}
            </Text>
          ))}
        </Section>
      ))}
      {threads[0] ? <MainAction href={threads[0].url} label="Read the discussion" /> : null}
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
        { author: "Reviewer 2", at: "1 Dec 2026, 14:05", body: "I scored skill match low; the plan names no tools." },
        { author: "Sam Rivera, program staff", at: "1 Dec 2026, 15:20", body: "The host said tools can be taught." },
      ],
    },
  ],
} satisfies DiscussionDigestProps;
