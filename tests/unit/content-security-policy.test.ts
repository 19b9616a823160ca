import crypto from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, withContentSecurityPolicy } from "@/lib/security/content-security-policy";

const sha = (text: string) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
function html(body: string, policy?: string) {
  const headers: OutgoingHttpHeaders = { "content-type": "text/html; charset=utf-8" };
  if (policy) headers["content-security-policy"] = policy;
  return { status: 200, headers, body: Buffer.from(body) };
}

describe("the page policy's script hashes", () => {
  it("cover each inline script a browser runs, hashed over its text exactly as sent, once each", () => {
    const page =
      `<script>a()</script><SCRIPT type="module">b&amp;c</SCRIPT><script type="text/javascript">a()</script>` +
      `<script>é “quoted” ✓</script>`;
    expect(inlineScriptHashes(page)).toEqual([sha("a()"), sha("b&amp;c"), sha("é “quoted” ✓")]);
  });

  it("leave out files (allowed by 'self') and data blocks such as JSON-LD, which never run", () => {
    const page = `<script src="/_next/static/x.js"></script><script type="application/ld+json">{"@type":"Article"}</script>`;
    expect(inlineScriptHashes(page)).toEqual([]);
  });

  it("never cover text that only looks like a script: an escaped tag in a post is text", () => {
    expect(inlineScriptHashes(`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`)).toEqual([]);
  });
});

describe("withContentSecurityPolicy", () => {
  it("puts the page's hashes first and keeps what the route said (frame-ancestors)", () => {
    const page = html("<script>go()</script>", "frame-ancestors 'none'");
    const policy = String(withContentSecurityPolicy(page).headers["content-security-policy"]);
    expect(policy).toContain(`script-src 'self' ${sha("go()")};`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy.endsWith("frame-ancestors 'none'")).toBe(true);
  });

  it("leaves a route's own script rule alone, and anything that is not HTML", () => {
    const embed = html("<p>fact</p>", "default-src 'none'");
    expect(withContentSecurityPolicy(embed).headers["content-security-policy"]).toBe("default-src 'none'");
    const json = { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") };
    expect(withContentSecurityPolicy(json)).toBe(json);
  });
});
