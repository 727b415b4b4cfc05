import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { textDirection, type Language } from "~/i18n/languages";
import { EmailLayout, MainAction } from "./components/layout";

export interface ContactRequestProps {
  allyName: string;
  senderName: string;
  senderOrganization: string | null;
  message: string;
  answerUrl: string;
}

// Mail clients ignore logical properties (border-inline-start), so the side follows the direction.
function quoteStyle(language: Language) {
  const border = "3px solid #d9d4dd";
  return textDirection(language) === "rtl"
    ? ({ whiteSpace: "pre-wrap", borderRight: border, paddingRight: "12px" } as const)
    : ({ whiteSpace: "pre-wrap", borderLeft: border, paddingLeft: "12px" } as const);
}

export const subject = ({ senderName }: ContactRequestProps, t: EmailT) =>
  t("email.contactRequest.subject", { senderName });

export default function ContactRequest({
  allyName,
  senderName,
  senderOrganization,
  message,
  answerUrl,
}: ContactRequestProps) {
  const { t, language } = useEmailT();
  const from = senderOrganization ? `${senderName} (${senderOrganization})` : senderName;
  return (
    <EmailLayout
      preview={t("email.contactRequest.preview", { from })}
      heading={t("email.contactRequest.heading")}
      reason={t("email.common.directoryReason")}
    >
      <Text>{t("email.common.hello", { name: allyName })}</Text>
      <Text>{t("email.contactRequest.intro", { from })}</Text>
      <Text style={quoteStyle(language)}>{message}</Text>
      <Text>{t("email.contactRequest.privacy", { senderName })}</Text>
      <MainAction href={answerUrl} label={t("email.common.acceptOrDecline")} />
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
