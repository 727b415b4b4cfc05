import { Text } from "@react-email/components";
import type { EmailT } from "./components/i18n";
import { useEmailT } from "./components/i18n";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface SignInCodeProps {
  name: string;
  code: string;
  codeUrl: string;
  /** Where the password was entered from, so the owner can tell whether it was them. */
  clientAddress: string;
  resetUrl: string;
}

export const subject = (_props: SignInCodeProps, t: EmailT) => t("email.signInCode.subject");

export default function SignInCode({ name, code, codeUrl, clientAddress, resetUrl }: SignInCodeProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.signInCode.preview", { code })}
      heading={t("email.signInCode.heading")}
      reason={t("email.signInCode.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.signInCode.body", { clientAddress })}</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>{t("email.common.validFor")}</Text>
      <MainAction href={codeUrl} label={t("email.common.enterCode")} />
      <Text>{t("email.signInCode.notYou", { resetUrl })}</Text>
    </EmailLayout>
  );
}

SignInCode.PreviewProps = {
  name: "Amina Okafor",
  code: "518204",
  codeUrl: "http://localhost:3000/login/code",
  clientAddress: "203.0.113.7",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies SignInCodeProps;
