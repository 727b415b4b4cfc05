import { Text } from "@react-email/components";
import { EmailLayout, codeStyle } from "./components/layout";

export interface DeleteAccountCodeProps {
  name: string;
  code: string;
  accountUrl: string;
}

export const subject = () => "Your code to delete your Open Web Fellows account";

export default function DeleteAccountCode({ name, code, accountUrl }: DeleteAccountCodeProps) {
  return (
    <EmailLayout preview="Confirm that you want to delete your account" heading="Confirm deleting your account">
      <Text>Hello {name},</Text>
      <Text>Someone signed in as you asked to delete your account. To confirm, enter this code at {accountUrl}:</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>
        The code expires in 15 minutes. Deleting removes your profile and personal details for good. If you did not ask
        for this, ignore this email and consider changing your password.
      </Text>
    </EmailLayout>
  );
}

DeleteAccountCode.PreviewProps = {
  name: "Tomás Rivera",
  code: "493027",
  accountUrl: "http://localhost:3000/me/account",
} satisfies DeleteAccountCodeProps;
