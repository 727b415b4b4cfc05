import { Text } from "@react-email/components";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface SignInCodeProps {
  name: string;
  code: string;
  codeUrl: string;
  /** Where the password was entered from, so the owner can tell whether it was them. */
  clientAddress: string;
  resetUrl: string;
}

export const subject = () => "Your Open Web Fellows sign-in code";

export default function SignInCode({ name, code, codeUrl, clientAddress, resetUrl }: SignInCodeProps) {
  return (
    <EmailLayout
      preview={`Your sign-in code is ${code}`}
      heading="Finish signing in"
      reason="You received this email because the correct password of your account was entered after several wrong ones."
    >
      <Text>Hello {name},</Text>
      <Text>
        Your password was just entered correctly (from the address {clientAddress}). There have been several wrong
        passwords for your account or from that network lately, so we ask for this code as well:
      </Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>It is valid for 15 minutes.</Text>
      <MainAction href={codeUrl} label="Enter the code" />
      <Text>If this was not you, someone knows your password: change it now at {resetUrl}.</Text>
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
