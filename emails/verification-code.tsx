import { Text } from "@react-email/components";
import type { EmailT } from "./components/i18n";
import { useEmailT } from "./components/i18n";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface VerificationCodeProps {
  name: string;
  code: string;
  verifyUrl: string;
}

export const subject = (_props: VerificationCodeProps, t: EmailT) => t("email.verificationCode.subject");

export default function VerificationCode({ name, code, verifyUrl }: VerificationCodeProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.verificationCode.preview", { code })}
      heading={t("email.verificationCode.heading")}
      reason={t("email.verificationCode.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.verificationCode.body")}</Text>
      <Text style={codeStyle}>{code}</Text>
      <MainAction href={verifyUrl} label={t("email.common.enterCode")} />
    </EmailLayout>
  );
}

VerificationCode.PreviewProps = {
  name: "Amina Okafor",
  code: "482913",
  verifyUrl: "http://localhost:3000/verify",
} satisfies VerificationCodeProps;
