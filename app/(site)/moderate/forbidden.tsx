import { AccessDeniedMessage } from "@/components/site/access-denied-message";

export default function ModerationForbidden() {
  return (
    <AccessDeniedMessage title="You need to be a moderator">
      These pages are for the moderation team. If you think you should have access, ask an administrator.
    </AccessDeniedMessage>
  );
}
