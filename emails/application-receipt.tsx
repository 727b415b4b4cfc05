import { Section, Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ApplicationReceiptProps {
  name: string;
  cycleName: string;
  /** A letter of intent's receipt names the cycle "… (letter of intent)". */
  stage?: "loi" | "full";
  submittedAt: EmailMoment;
  editUntil: EmailMoment;
  applicationsUrl: string;
  /** `file`: the answer is the name of an uploaded file. */
  answers: { question: string; answer: string; file?: boolean }[];
}

function cycleTitle({ cycleName, stage }: ApplicationReceiptProps, t: EmailT): string {
  return stage === "loi" ? t("email.receipt.loiCycle", { cycleName }) : cycleName;
}

export const subject = (props: ApplicationReceiptProps, t: EmailT) =>
  t("email.receipt.subject", { cycleName: cycleTitle(props, t) });

const questionStyle = { fontWeight: 700, margin: "16px 0 4px" } as const;
const answerStyle = { whiteSpace: "pre-wrap", margin: 0 } as const;

export default function ApplicationReceipt(props: ApplicationReceiptProps) {
  const { name, submittedAt, editUntil, applicationsUrl, answers } = props;
  const { t, language } = useEmailT();
  const cycleName = cycleTitle(props, t);
  return (
    <EmailLayout
      preview={t("email.receipt.preview", { cycleName })}
      heading={t("email.receipt.heading")}
      reason={t("email.receipt.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {t("email.receipt.body", {
          cycleName,
          submittedAt: formatMoment(submittedAt, language),
          editUntil: formatMoment(editUntil, language),
        })}
      </Text>
      <MainAction href={applicationsUrl} label={t("email.common.yourApplications")} />
      <Text>{t("email.receipt.copy")}</Text>
      <Section>
        {answers.map((item) => (
          <Section key={item.question}>
            <Text style={questionStyle}>{item.question}</Text>
            <Text style={answerStyle}>{item.file ? t("email.receipt.file", { name: item.answer }) : item.answer}</Text>
          </Section>
        ))}
      </Section>
    </EmailLayout>
  );
}

ApplicationReceipt.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  submittedAt: { at: "2027-04-12T18:03:00.000Z", timeZone: "America/New_York" },
  editUntil: { at: "2027-04-20T21:00:00.000Z", timeZone: "America/New_York" },
  applicationsUrl: "http://localhost:3000/me/applications",
  answers: [
    { question: "Why is the open web important to you?", answer: "Because knowledge should be free to reach." },
    { question: "CV", answer: "amina-okafor-cv.pdf", file: true },
  ],
} satisfies ApplicationReceiptProps;
