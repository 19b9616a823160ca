import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { exportOwnData } from "@/lib/accounts/own-data";

/** A signed-in reader's own data as a JSON file to keep. Personal, so never cached. */
export const GET = route(async () => {
  const data = await exportOwnData(await getCurrentUser());
  return json(data, 200, {
    "content-disposition": `attachment; filename="quire-${data.account.username}.json"`,
    "cache-control": "no-store",
  });
});
