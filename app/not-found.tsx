import SiteLayout from "./(site)/layout";
import { NotFoundMessage } from "@/components/site/not-found-message";

/** Unknown URLs outside any page get the same helpful page, with the site's chrome. */
export default function NotFound() {
  return (
    <SiteLayout>
      <NotFoundMessage />
    </SiteLayout>
  );
}
