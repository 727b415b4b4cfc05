import { Text } from "@react-email/components";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface VerificationCodeProps {
  name: string;
  code: string;
  verifyUrl: string;
}

export const subject = () => "Your Open Web Fellows sign-up code";

export default function VerificationCode({ name, code, verifyUrl }: VerificationCodeProps) {
  return (
    <EmailLayout
      preview={`Your code is ${code}`}
      heading="Confirm your email"
      reason="You received this email because someone signed up to Open Web Fellows with this address. If it was not you, you can ignore it: no account is made without the code."
    >
      <Text>Hello {name},</Text>
      <Text>Enter this code to finish creating your account. It is valid for 15 minutes.</Text>
      <Text style={codeStyle}>{code}</Text>
      <MainAction href={verifyUrl} label="Enter the code" />
    </EmailLayout>
  );
}

VerificationCode.PreviewProps = {
  name: "Amina Okafor",
  code: "482913",
  verifyUrl: "http://localhost:3000/verify",
} satisfies VerificationCodeProps;
