import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ProfileConsentProps {
  name: string;
  /** Who the import asked to show the profile to: anyone, or people in the program. */
  requestedVisibility: "public" | "network";
  /** The person's own profile page: they sign in to choose, so the link holds no secret. */
  profileUrl: string;
}

export const subject = (_props: ProfileConsentProps, t: EmailT) => t("email.profileConsent.subject");

export default function ProfileConsent({ name, requestedVisibility, profileUrl }: ProfileConsentProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.profileConsent.preview")}
      heading={t("email.profileConsent.heading")}
      reason={t("email.profileConsent.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {requestedVisibility === "public"
          ? t("email.profileConsent.importedPublic")
          : t("email.profileConsent.importedNetwork")}
      </Text>
      <Text>{t("email.profileConsent.choose")}</Text>
      <MainAction href={profileUrl} label={t("email.profileConsent.action")} />
    </EmailLayout>
  );
}

ProfileConsent.PreviewProps = {
  name: "Tomás Rivera",
  requestedVisibility: "public",
  profileUrl: "http://localhost:3000/me/profile",
} satisfies ProfileConsentProps;
