import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface FellowshipCompletedProps {
  name: string;
  organizationName: string;
  cohortYear: number;
  fellowshipUrl: string;
}

export const subject = (props: FellowshipCompletedProps) => `Welcome to the alumni of the ${props.cohortYear} cohort`;

export default function FellowshipCompleted({
  name,
  organizationName,
  cohortYear,
  fellowshipUrl,
}: FellowshipCompletedProps) {
  return (
    <EmailLayout
      preview="Your fellowship year is complete"
      heading="Your fellowship is complete"
      reason={`You received this email because your fellowship with ${organizationName} has ended.`}
    >
      <Text>Congratulations, {name}!</Text>
      <Text>
        Your year with {organizationName} is over, and you are now an alumnus of the Open Web Fellows {cohortYear}{" "}
        cohort. If you wish, your network profile can say so: partners and campaigns look for alumni first. It is your
        choice, and you can change it at any time.
      </Text>
      <MainAction href={fellowshipUrl} label="Choose what your profile shows" />
    </EmailLayout>
  );
}

FellowshipCompleted.PreviewProps = {
  name: "Adaeze Nwosu",
  organizationName: "Fundación Datos Libres",
  cohortYear: 2025,
  fellowshipUrl: "http://localhost:3000/me/fellowship",
} satisfies FellowshipCompletedProps;
