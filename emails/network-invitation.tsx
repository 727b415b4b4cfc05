import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface NetworkInvitationProps {
  name: string;
  profileUrl: string;
}

export const subject = () => "Join the Open Web Fellows network";

export default function NetworkInvitation({ name, profileUrl }: NetworkInvitationProps) {
  return (
    <EmailLayout preview="Fellows become allies in the network directory if they wish" heading="Join the network">
      <Text>Congratulations on your placement, {name}!</Text>
      <Text>
        Fellows are invited to join the network of allies: a directory that partners and campaigns draw on. Joining is
        up to you; you choose who can see your profile, and you can withdraw at any time.
      </Text>
      <Button href={profileUrl} style={buttonStyle}>
        Create your profile
      </Button>
      <Text>Or open {profileUrl}</Text>
    </EmailLayout>
  );
}

NetworkInvitation.PreviewProps = {
  name: "Amina Okafor",
  profileUrl: "http://localhost:3000/me/profile",
} satisfies NetworkInvitationProps;
