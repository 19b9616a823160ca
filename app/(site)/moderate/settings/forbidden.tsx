import { AccessDeniedMessage } from "@/components/site/access-denied-message";

export default function PoliciesForbidden() {
  return (
    <AccessDeniedMessage title="You need to be an administrator">
      Only administrators can change the site&apos;s moderation policies.
    </AccessDeniedMessage>
  );
}
