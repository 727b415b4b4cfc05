import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ProfileConsentProps {
  name: string;
  /** Who the import asked to show the profile to, in words ("Anyone, also people who are not signed in"). */
  requestedAudience: string;
  /** The person's own profile page: they sign in to choose, so the link holds no secret. */
  profileUrl: string;
}

export const subject = () => "Choose who can see your Open Web Fellows directory profile";

export default function ProfileConsent({ name, requestedAudience, profileUrl }: ProfileConsentProps) {
  return (
    <EmailLayout
      preview="Your profile is shown to program staff only until you choose"
      heading="Who can see your directory profile?"
      reason="You received this email because Open Web Fellows program staff added your profile to the network directory from their records."
    >
      <Text>Hello {name},</Text>
      <Text>
        Program staff imported a profile for you into the network directory of allies and asked to show it to{" "}
        {requestedAudience.toLowerCase()}. Nothing is shown beyond program staff until you choose.
      </Text>
      <Text>
        Sign in to your profile page to choose who can see it, change what it says, or leave the directory. If you do
        nothing, only program staff see it.
      </Text>
      <MainAction href={profileUrl} label="Choose who can see your profile" />
    </EmailLayout>
  );
}

ProfileConsent.PreviewProps = {
  name: "Tomás Rivera",
  requestedAudience: "Anyone, also people who are not signed in",
  profileUrl: "http://localhost:3000/me/profile",
} satisfies ProfileConsentProps;
