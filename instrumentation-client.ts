// Runs in the browser before the page hydrates (Next's client instrumentation hook).
import { z } from "zod";

// zod 4 compiles object parsers with `new Function` when it can, and finds out
// whether it can by trying: under Quire's Content-Security-Policy (no
// 'unsafe-eval', lib/security/content-security-policy.ts) that try is a policy
// violation on every page. The browser parses a few small answers; it needs no
// compiled parsers. The server keeps them.
z.config({ jitless: true });
