import { getCurrentUser } from "@/lib/auth/session";
import { route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { exportSiteForAdmin } from "@/lib/export/export-site";
import { exportQuerySchema } from "@/lib/export/schema";

/** The whole site as a download, for admins: `?format=wxr` (WordPress, the default) or `?format=json`. */
export const GET = route(async (request) => {
  const { format } = parseInput(exportQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const file = await exportSiteForAdmin(await getCurrentUser(), format);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
