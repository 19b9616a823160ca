import { LOADER_SCRIPT } from "@/lib/widgets/loader-script";

/** The widgets' loader (lib/widgets/loader-script.ts): the same bytes for everyone, kept by the response cache. */
export function GET() {
  return new Response(LOADER_SCRIPT, {
    headers: { "content-type": "text/javascript; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}
