import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importSite, ImportRefused } from "@/lib/import/import-site";
import { rowCounts } from "../helpers/import";
import { disqusFile, wxrFile } from "../helpers/export-files";

// Broken and hostile files, written here: each is refused whole with a sentence
// saying what is wrong, before anything is written; the database (which already
// holds an earlier import) is exactly as it was.

const good = wxrFile({
  items: [
    {
      id: 1,
      title: "Already here",
      slug: "already-here",
      date: "2024-01-01 10:00:00",
      content: "Text.",
      comments: [{ id: 1, author: "Ann", email: "ann@example.org", date: "2024-01-02 10:00:00", content: "Hello" }],
    },
  ],
});

/** A WXR file whose one item's content is `content`, written raw (no CDATA), after an optional prologue. */
const wxrWith = (content: string, prologue = "") =>
  wxrFile({ items: [{ id: 2, title: "New", slug: "new", date: "2024-02-01 10:00:00", content: "PLACEHOLDER" }] })
    .replace('<?xml version="1.0" encoding="UTF-8" ?>', `<?xml version="1.0" encoding="UTF-8" ?>${prologue}`)
    .replace("<![CDATA[PLACEHOLDER]]>", content);

const billionLaughs = wxrWith(
  "&lol9;",
  `\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("\n")}\n]>`,
);
const quadraticBlowup = wxrWith("&a;".repeat(20_000), `\n<!DOCTYPE rss [<!ENTITY a "${"x".repeat(100_000)}">]>`);
const externalEntity = wxrWith("&xxe;", '\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
const externalDtd = wxrWith("text", '\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">');

const REFUSED: [name: string, file: () => Uint8Array | string, message: RegExp][] = [
  ["billion laughs (nested entity expansion)", () => billionLaughs, /DOCTYPE declaration .*refuses/],
  ["quadratic blow-up (one large entity used many times)", () => quadraticBlowup, /DOCTYPE declaration/],
  ["an external entity reading file:///etc/passwd", () => externalEntity, /DOCTYPE declaration/],
  ["an external DTD", () => externalDtd, /DOCTYPE declaration/],
  ["an entity that no DOCTYPE declares", () => wxrWith("&xxe;"), /not well-formed XML \(Invalid character entity/],
  [
    "a 20 MB field",
    () => wxrWith(`<![CDATA[${"a".repeat(20 * 1024 * 1024)}]]>`),
    /field <content:encoded> that starts on line \d+ is larger than 1 MB/,
  ],
  ["a file cut off in the middle", () => good.slice(0, Math.floor(good.length / 2)), /not well-formed XML \(Unclosed root tag/],
  [
    "a tag closed by the wrong end tag",
    () => good.replace("</wp:post_name>", "</wp:post_title>"),
    /not well-formed XML \(Unexpected close tag at line \d+/,
  ],
  ["text before the XML declaration", () => `\`${good}`, /not well-formed XML \(Non-whitespace before first tag/],
  ["an empty file", () => "", /no XML in it/],
  [
    "a file that is not UTF-8",
    () => new Uint8Array([...new TextEncoder().encode(good.slice(0, 200)), 0xe9, 0x20]),
    /not valid UTF-8/,
  ],
  [
    "a declared encoding other than UTF-8",
    () => good.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
    /encoded as ISO-8859-1; Quire imports UTF-8 exports only/,
  ],
  [
    "XML that is neither WordPress nor Disqus",
    () => '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
    /not a WordPress export \(WXR\) or a Disqus export: its root element is <feed>/,
  ],
  [
    "an unknown WXR version",
    () => good.replaceAll("export/1.2/", "export/1.3/").replace(">1.2<", ">1.3<"),
    /WordPress export is WXR version "1\.3"; Quire reads versions 1\.0 to 1\.2/,
  ],
  [
    "a comment date that is not a date",
    () => good.replace("<wp:comment_date_gmt>2024-01-02 10:00:00", "<wp:comment_date_gmt>2024-x01-02"),
    /item 1 \("Already here"\), comment 1, createdAt: "2024-x01-02" is not a date/,
  ],
  [
    "a comment without its id",
    () => good.replace("<wp:comment_id>1</wp:comment_id>", "<wp:comment_id></wp:comment_id>"),
    /comment 1, sourceId: is missing/,
  ],
  [
    "a Disqus flag that is neither true nor false",
    () =>
      disqusFile({
        threads: [{ id: "1", link: "https://blog.example/a/", title: "A", createdAt: "2020-01-01T00:00:00Z" }],
        posts: [{ id: "2", thread: "1", message: "hi", createdAt: "2020-01-02T00:00:00Z", name: "Ann" }],
      }).replace("<isSpam>false</isSpam>", "<isSpam>123</isSpam>"),
    /<isSpam> on line \d+ says "123", not true or false/,
  ],
];

let before: Record<string, number>;
beforeAll(async () => {
  await importSite(db, new TextEncoder().encode(good));
  before = await rowCounts(db);
  expect(before.Article).toBe(1);
});

describe("files that are refused whole", () => {
  it.each(REFUSED)("refuses %s, writing nothing", async (_, file, message) => {
    const content = file();
    const error = await importSite(db, typeof content === "string" ? new TextEncoder().encode(content) : content).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("root:");
    expect(await rowCounts(db)).toEqual(before);
  });
});
