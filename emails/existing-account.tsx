import { Link, Text } from "@react-email/components";
import type { EmailT } from "./components/i18n";
import { useEmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ExistingAccountProps {
  name: string;
  loginUrl: string;
  resetUrl: string;
}

export const subject = (_props: ExistingAccountProps, t: EmailT) => t("email.existingAccount.subject");

export default function ExistingAccount({ name, loginUrl, resetUrl }: ExistingAccountProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.existingAccount.preview")}
      heading={t("email.existingAccount.heading")}
      reason={t("email.existingAccount.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.existingAccount.body")}</Text>
      <MainAction href={loginUrl} label={t("email.existingAccount.signIn")} />
      <Text>
        {t("email.existingAccount.forgot")} <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

ExistingAccount.PreviewProps = {
  name: "Amina Okafor",
  loginUrl: "http://localhost:3000/login",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies ExistingAccountProps;
