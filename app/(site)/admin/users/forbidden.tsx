import { AccessDeniedMessage } from "@/components/site/access-denied-message";

export default function UsersForbidden() {
  return (
    <AccessDeniedMessage title="You need to be an administrator">
      Only administrators can see the site&apos;s accounts and change their roles.
    </AccessDeniedMessage>
  );
}
