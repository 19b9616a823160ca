import { AccessDeniedMessage } from "@/components/site/access-denied-message";

export default function ExportForbidden() {
  return (
    <AccessDeniedMessage title="You need to be an administrator">
      Only administrators can export the whole site.
    </AccessDeniedMessage>
  );
}
