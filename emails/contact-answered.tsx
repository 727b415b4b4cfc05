import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ContactAnsweredProps {
  senderName: string;
  allyName: string;
  /** Present only when the ally accepted. */
  allyEmail: string | null;
}

export const subject = ({ allyName, allyEmail }: ContactAnsweredProps) =>
  allyEmail ? `${allyName} accepted your message` : `${allyName} declined your message`;

export default function ContactAnswered({ senderName, allyName, allyEmail }: ContactAnsweredProps) {
  return (
    <EmailLayout
      preview={allyEmail ? `You can now write to ${allyName} directly` : `${allyName} declined your message`}
      heading={allyEmail ? "Your message was accepted" : "Your message was declined"}
      reason={`You received this email because you wrote to ${allyName} through the Open Web Fellows network directory.`}
    >
      <Text>Hello {senderName},</Text>
      {allyEmail ? (
        <>
          <Text>
            {allyName} accepted the message you sent through the network directory. You can write to them at {allyEmail}
            .
          </Text>
          <MainAction href={`mailto:${allyEmail}`} label={`Write to ${allyName}`} />
        </>
      ) : (
        <Text>
          {allyName} declined the message you sent through the network directory. Their contact details stay private.
        </Text>
      )}
    </EmailLayout>
  );
}

ContactAnswered.PreviewProps = {
  senderName: "Lena Fischer",
  allyName: "Tomás Rivera",
  allyEmail: "tomas@example.org",
} satisfies ContactAnsweredProps;
