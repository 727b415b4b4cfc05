import { Text } from "@react-email/components";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface ResetCodeProps {
  name: string;
  code: string;
  resetUrl: string;
}

export const subject = () => "Your Open Web Fellows password reset code";

export default function ResetCode({ name, code, resetUrl }: ResetCodeProps) {
  return (
    <EmailLayout
      preview={`Your reset code is ${code}`}
      heading="Reset your password"
      reason="You received this email because someone asked to reset the password of your account. If it was not you, your password stays as it is."
    >
      <Text>Hello {name},</Text>
      <Text>Someone asked to reset the password of your account. Enter this code to choose a new one:</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>It is valid for 15 minutes.</Text>
      <MainAction href={resetUrl} label="Choose a new password" />
    </EmailLayout>
  );
}

ResetCode.PreviewProps = {
  name: "Amina Okafor",
  code: "730155",
  resetUrl: "http://localhost:3000/reset-password",
} satisfies ResetCodeProps;
