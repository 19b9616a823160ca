import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

describe("article Markdown", () => {
  it("renders structure", () => {
    const html = renderMarkdown("## Heading\n\nSome **bold** text.\n\n- a\n- b");
    expect(html).toContain("<h2>Heading</h2>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<li>a</li>");
  });

  it("strips script, event handlers and javascript: links even from editors", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3))');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("marks external links noopener", () => {
    expect(renderMarkdown("[x](https://example.org)")).toContain('rel="noopener noreferrer"');
  });
});
