/**
 * @mentions: "@name" or "@name--" at any word boundary, where name is a
 * username or an anonymous handle (3 to 24 of a-z 0-9 _ -). The "--" is the
 * site's traditional separator between the name and the reply.
 */
const MENTION_PATTERN = /(^|[^\w@])@([A-Za-z0-9_-]{2,40})/g;

export function stripMentionSeparator(raw: string): string {
  return raw.replace(/-+$/, "");
}

/** Distinct mentioned names, lower-cased, in order of first appearance. */
export function parseMentionNames(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(MENTION_PATTERN)) {
    const name = stripMentionSeparator(match[2]!).toLowerCase();
    if (name.length >= 3) names.add(name);
  }
  return [...names];
}

export type BodySegment =
  | { kind: "text"; text: string }
  | { kind: "link"; href: string; text: string }
  | { kind: "mention"; name: string; postNumber: number; text: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** How many links the text holds, counted as the page will auto-link them. */
export function countLinks(text: string): number {
  return [...text.matchAll(URL_PATTERN)].length;
}

/**
 * Splits one paragraph of plain text into text, URL and mention segments.
 * Segments are rendered by React, so the text is always escaped; nothing a
 * reader writes becomes markup.
 */
export function segmentParagraph(text: string, mentionTargets: ReadonlyMap<string, number>): BodySegment[] {
  const segments: BodySegment[] = [];
  const tokens: { index: number; length: number; segment: BodySegment }[] = [];

  for (const match of text.matchAll(URL_PATTERN)) {
    tokens.push({ index: match.index, length: match[0].length, segment: { kind: "link", href: match[0], text: match[0] } });
  }
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const raw = match[2]!;
    const name = stripMentionSeparator(raw);
    const postNumber = mentionTargets.get(name.toLowerCase());
    if (postNumber === undefined) continue;
    const start = match.index + match[1]!.length;
    const overlapsUrl = tokens.some((t) => t.segment.kind === "link" && start >= t.index && start < t.index + t.length);
    if (overlapsUrl) continue;
    tokens.push({
      index: start,
      length: 1 + raw.length,
      segment: { kind: "mention", name, postNumber, text: `@${raw}` },
    });
  }
  tokens.sort((a, b) => a.index - b.index);

  let cursor = 0;
  for (const token of tokens) {
    if (token.index < cursor) continue;
    if (token.index > cursor) segments.push({ kind: "text", text: text.slice(cursor, token.index) });
    segments.push(token.segment);
    cursor = token.index + token.length;
  }
  if (cursor < text.length) segments.push({ kind: "text", text: text.slice(cursor) });
  return segments;
}

/** Paragraphs are separated by blank lines; single newlines stay line breaks. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
