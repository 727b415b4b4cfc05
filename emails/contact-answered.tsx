import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ContactAnsweredProps {
  senderName: string;
  allyName: string;
  /** Present only when the ally accepted. */
  allyEmail: string | null;
}

export const subject = ({ allyName, allyEmail }: ContactAnsweredProps, t: EmailT) =>
  allyEmail
    ? t("email.contactAnswered.subjectAccepted", { allyName })
    : t("email.contactAnswered.subjectDeclined", { allyName });

export default function ContactAnswered({ senderName, allyName, allyEmail }: ContactAnsweredProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={
        allyEmail
          ? t("email.contactAnswered.previewAccepted", { allyName })
          : t("email.contactAnswered.subjectDeclined", { allyName })
      }
      heading={allyEmail ? t("email.contactAnswered.headingAccepted") : t("email.contactAnswered.headingDeclined")}
      reason={t("email.contactAnswered.reason", { allyName })}
    >
      <Text>{t("email.common.hello", { name: senderName })}</Text>
      {allyEmail ? (
        <>
          <Text>{t("email.contactAnswered.bodyAccepted", { allyName, allyEmail })}</Text>
          <MainAction href={`mailto:${allyEmail}`} label={t("email.contactAnswered.writeTo", { allyName })} />
        </>
      ) : (
        <Text>{t("email.contactAnswered.bodyDeclined", { allyName })}</Text>
      )}
    </EmailLayout>
  );
}

ContactAnswered.PreviewProps = {
  senderName: "Lena Fischer",
  allyName: "Tomás Rivera",
  allyEmail: "tomas@example.org",
} satisfies ContactAnsweredProps;
