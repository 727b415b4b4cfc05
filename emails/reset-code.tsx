import { Text } from "@react-email/components";
import type { EmailT } from "./components/i18n";
import { useEmailT } from "./components/i18n";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface ResetCodeProps {
  name: string;
  code: string;
  resetUrl: string;
}

export const subject = (_props: ResetCodeProps, t: EmailT) => t("email.resetCode.subject");

export default function ResetCode({ name, code, resetUrl }: ResetCodeProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.resetCode.preview", { code })}
      heading={t("email.resetCode.heading")}
      reason={t("email.resetCode.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.resetCode.body")}</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>{t("email.common.validFor")}</Text>
      <MainAction href={resetUrl} label={t("email.resetCode.action")} />
    </EmailLayout>
  );
}

ResetCode.PreviewProps = {
  name: "Amina Okafor",
  code: "730155",
  resetUrl: "http://localhost:3000/reset-password",
} satisfies ResetCodeProps;
