import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface DeleteAccountCodeProps {
  name: string;
  code: string;
  accountUrl: string;
}

export const subject = (_props: DeleteAccountCodeProps, t: EmailT) => t("email.deleteAccountCode.subject");

export default function DeleteAccountCode({ name, code, accountUrl }: DeleteAccountCodeProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.deleteAccountCode.preview")}
      heading={t("email.deleteAccountCode.heading")}
      reason={t("email.deleteAccountCode.reason")}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.deleteAccountCode.body")}</Text>
      <Text style={codeStyle}>{code}</Text>
      <MainAction href={accountUrl} label={t("email.deleteAccountCode.action")} />
      <Text>{t("email.deleteAccountCode.expires")}</Text>
    </EmailLayout>
  );
}

DeleteAccountCode.PreviewProps = {
  name: "Tomás Rivera",
  code: "493027",
  accountUrl: "http://localhost:3000/me/account",
} satisfies DeleteAccountCodeProps;
