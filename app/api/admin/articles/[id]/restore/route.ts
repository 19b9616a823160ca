import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { restoreArticle } from "@/lib/editorial/articles";
import { articleRefSchema } from "@/lib/editorial/schema";

type Context = { params: Promise<{ id: string }> };

/** Takes an article out of the bin, as a draft. */
export const POST = route<Context>(async (request, { params }) => {
  await readJsonBody(request, z.object({}));
  const { articleId } = parseInput(articleRefSchema, { articleId: (await params).id });
  await restoreArticle(await getCurrentUser(), articleId);
  return json({ restored: true });
});
