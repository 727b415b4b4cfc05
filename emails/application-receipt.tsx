import { Section, Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ApplicationReceiptProps {
  name: string;
  cycleName: string;
  submittedAt: string;
  editUntil: string;
  applicationsUrl: string;
  answers: { question: string; answer: string }[];
}

export const subject = (props: ApplicationReceiptProps) => `We received your application to ${props.cycleName}`;

const questionStyle = { fontWeight: 700, margin: "16px 0 4px" } as const;
const answerStyle = { whiteSpace: "pre-wrap", margin: 0 } as const;

export default function ApplicationReceipt({
  name,
  cycleName,
  submittedAt,
  editUntil,
  applicationsUrl,
  answers,
}: ApplicationReceiptProps) {
  return (
    <EmailLayout
      preview={`Your application to ${cycleName} is in`}
      heading="Your application is in"
      reason={`You received this email because you applied to ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        Thank you for applying to {cycleName}. We received your application on {submittedAt}. Until {editUntil} you can
        still change it, or withdraw it, from your applications page.
      </Text>
      <MainAction href={applicationsUrl} label="Your applications" />
      <Text>Here is a copy of your answers:</Text>
      <Section>
        {answers.map((item) => (
          <Section key={item.question}>
            <Text style={questionStyle}>{item.question}</Text>
            <Text style={answerStyle}>{item.answer}</Text>
          </Section>
        ))}
      </Section>
    </EmailLayout>
  );
}

ApplicationReceipt.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  submittedAt: "12 Apr 2027, 14:03 EDT",
  editUntil: "20 Apr 2027, 17:00 EDT",
  applicationsUrl: "http://localhost:3000/me/applications",
  answers: [
    { question: "Why is the open web important to you?", answer: "Because knowledge should be free to reach." },
    { question: "CV", answer: "File: amina-okafor-cv.pdf" },
  ],
} satisfies ApplicationReceiptProps;
