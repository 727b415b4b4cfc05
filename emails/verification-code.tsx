import { Text } from "@react-email/components";
import { EmailLayout, codeStyle } from "./components/layout";

export interface VerificationCodeProps {
  name: string;
  code: string;
  verifyUrl: string;
}

export const subject = () => "Your Open Web Fellows sign-up code";

export default function VerificationCode({ name, code, verifyUrl }: VerificationCodeProps) {
  return (
    <EmailLayout preview={`Your code is ${code}`} heading="Confirm your email">
      <Text>Hello {name},</Text>
      <Text>Enter this code to finish creating your account. It is valid for 15 minutes.</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>You can enter it at {verifyUrl}</Text>
    </EmailLayout>
  );
}

VerificationCode.PreviewProps = {
  name: "Amina Okafor",
  code: "482913",
  verifyUrl: "http://localhost:3000/verify",
} satisfies VerificationCodeProps;
