import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ApplicationWithdrawnProps {
  name: string;
  cycleName: string;
  withdrawnAt: string;
  applicationsUrl: string;
}

export const subject = (props: ApplicationWithdrawnProps) => `You withdrew your application to ${props.cycleName}`;

export default function ApplicationWithdrawn({
  name,
  cycleName,
  withdrawnAt,
  applicationsUrl,
}: ApplicationWithdrawnProps) {
  return (
    <EmailLayout
      preview={`Your application to ${cycleName} is withdrawn`}
      heading="Your application is withdrawn"
      reason={`You received this email because your application to ${cycleName} was withdrawn from your account.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        You withdrew your application to {cycleName} on {withdrawnAt}. It is no longer considered; you can still read
        it, but not change or submit it. If you did not mean to withdraw, reply to this email and tell us.
      </Text>
      <MainAction href={applicationsUrl} label="Your applications" />
    </EmailLayout>
  );
}

ApplicationWithdrawn.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  withdrawnAt: "14 Apr 2027, 09:12 EDT",
  applicationsUrl: "http://localhost:3000/me/applications",
} satisfies ApplicationWithdrawnProps;
