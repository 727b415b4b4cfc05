import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ContactRequestProps {
  allyName: string;
  senderName: string;
  senderOrganization: string | null;
  message: string;
  answerUrl: string;
}

export const subject = ({ senderName }: ContactRequestProps) => `${senderName} would like to get in touch`;

export default function ContactRequest({
  allyName,
  senderName,
  senderOrganization,
  message,
  answerUrl,
}: ContactRequestProps) {
  const from = senderOrganization ? `${senderName} (${senderOrganization})` : senderName;
  return (
    <EmailLayout
      preview={`${from} wrote to you through the network directory`}
      heading="A message through the directory"
      reason="You received this email because you are listed in the Open Web Fellows network directory."
    >
      <Text>Hello {allyName},</Text>
      <Text>{from} found you in the Open Web Fellows network directory and wrote:</Text>
      <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #d9d4dd", paddingLeft: "12px" }}>{message}</Text>
      <Text>
        Your email address has not been shared. If you accept, {senderName} receives it and can write to you directly;
        if you decline, they only learn that you declined.
      </Text>
      <MainAction href={answerUrl} label="Accept or decline" />
    </EmailLayout>
  );
}

ContactRequest.PreviewProps = {
  allyName: "Tomás Rivera",
  senderName: "Lena Fischer",
  senderOrganization: "Fundación Datos Libres",
  message: "We are planning a digital-security training in Bogotá in March. Would you like to co-teach it?",
  answerUrl: "http://localhost:3000/me/contacts",
} satisfies ContactRequestProps;
