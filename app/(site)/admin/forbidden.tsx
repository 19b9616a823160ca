import { AccessDeniedMessage } from "@/components/site/access-denied-message";

export default function AdminForbidden() {
  return (
    <AccessDeniedMessage title="You need to be an editor">
      The back office is for the editorial team. If you think you should have access, ask an administrator.
    </AccessDeniedMessage>
  );
}
