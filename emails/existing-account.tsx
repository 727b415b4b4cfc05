import { Link, Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ExistingAccountProps {
  name: string;
  loginUrl: string;
  resetUrl: string;
}

export const subject = () => "You already have an Open Web Fellows account";

export default function ExistingAccount({ name, loginUrl, resetUrl }: ExistingAccountProps) {
  return (
    <EmailLayout
      preview="Someone tried to sign up with your email"
      heading="You already have an account"
      reason="You received this email because someone tried to sign up with this address. If it was not you, you can ignore it: nothing changed."
    >
      <Text>Hello {name},</Text>
      <Text>
        Someone tried to create a new account with this email address, which already has one. No new account was
        created.
      </Text>
      <MainAction href={loginUrl} label="Sign in" />
      <Text>
        Forgot your password? <Link href={resetUrl}>Reset it</Link> at {resetUrl}
      </Text>
    </EmailLayout>
  );
}

ExistingAccount.PreviewProps = {
  name: "Amina Okafor",
  loginUrl: "http://localhost:3000/login",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies ExistingAccountProps;
