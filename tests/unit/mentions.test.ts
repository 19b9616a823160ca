import { describe, expect, it } from "vitest";
import { parseMentionNames, segmentParagraph, splitParagraphs } from "@/lib/discussion/mentions";

describe("@mentions", () => {
  it("finds names written as @name and @name-- , once each, lower-cased", () => {
    expect(parseMentionNames("@TidePool-- good point. @anon4821 agreed, and @tidepool again")).toEqual(["tidepool", "anon4821"]);
  });

  it("ignores email addresses and names that are too short", () => {
    expect(parseMentionNames("write to me@example.com or @ab")).toEqual([]);
  });

  it("links a known name to its post and leaves unknown names as text", () => {
    const segments = segmentParagraph("@quietfern-- yes, but @nobody disagrees", new Map([["quietfern", 7]]));
    expect(segments).toEqual([
      { kind: "mention", name: "quietfern", postNumber: 7, text: "@quietfern--" },
      { kind: "text", text: " yes, but @nobody disagrees" },
    ]);
  });

  it("auto-links URLs without swallowing trailing punctuation", () => {
    const segments = segmentParagraph("See https://example.org/a?b=1. Then stop", new Map());
    expect(segments[1]).toEqual({ kind: "link", href: "https://example.org/a?b=1", text: "https://example.org/a?b=1" });
    expect(segments[2]).toEqual({ kind: "text", text: ". Then stop" });
  });

  it("keeps markup as literal text for React to escape", () => {
    const segments = segmentParagraph("<script>alert(1)</script>", new Map());
    expect(segments).toEqual([{ kind: "text", text: "<script>alert(1)</script>" }]);
  });

  it("splits paragraphs on blank lines", () => {
    expect(splitParagraphs("one\r\n\r\ntwo\nstill two\n\n\n")).toEqual(["one", "two\nstill two"]);
  });
});
