import { Text } from "@react-email/components";
import { EmailLayout, MainAction, codeStyle } from "./components/layout";

export interface DeleteAccountCodeProps {
  name: string;
  code: string;
  accountUrl: string;
}

export const subject = () => "Your code to delete your Open Web Fellows account";

export default function DeleteAccountCode({ name, code, accountUrl }: DeleteAccountCodeProps) {
  return (
    <EmailLayout
      preview="Confirm that you want to delete your account"
      heading="Confirm deleting your account"
      reason="You received this email because someone signed in as you asked to delete your account. If it was not you, do not enter the code, and change your password."
    >
      <Text>Hello {name},</Text>
      <Text>To confirm that you want to delete your account, enter this code on your account page:</Text>
      <Text style={codeStyle}>{code}</Text>
      <MainAction href={accountUrl} label="Your account" />
      <Text>The code expires in 15 minutes. Deleting removes your profile and personal details for good.</Text>
    </EmailLayout>
  );
}

DeleteAccountCode.PreviewProps = {
  name: "Tomás Rivera",
  code: "493027",
  accountUrl: "http://localhost:3000/me/account",
} satisfies DeleteAccountCodeProps;
