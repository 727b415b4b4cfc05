import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface NetworkInvitationProps {
  name: string;
  profileUrl: string;
}

export const subject = () => "Join the Open Web Fellows network";

export default function NetworkInvitation({ name, profileUrl }: NetworkInvitationProps) {
  return (
    <EmailLayout
      preview="Fellows become allies in the network directory if they wish"
      heading="Join the network"
      reason="You received this email because you accepted an Open Web Fellows placement."
    >
      <Text>Congratulations on your placement, {name}!</Text>
      <Text>
        Fellows are invited to join the network of allies: a directory that partners and campaigns draw on. Joining is
        up to you; you choose who can see your profile, and you can withdraw at any time.
      </Text>
      <MainAction href={profileUrl} label="Create your profile" />
    </EmailLayout>
  );
}

NetworkInvitation.PreviewProps = {
  name: "Amina Okafor",
  profileUrl: "http://localhost:3000/me/profile",
} satisfies NetworkInvitationProps;
