import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthenticationRequired, Forbidden, NotFound, ValidationError } from "@/lib/errors";
import { IMAGES_DIR, readImageFile, uploadImage } from "@/lib/media/images";
import { imageUploadSchema } from "@/lib/media/schema";
import { renderMarkdown } from "@/lib/markdown";
import { createUser } from "../helpers/factories";

// Pictures in articles, through lib/media on a real SQLite file and real files
// under the data directory: what an editor's upload becomes, and what is refused.

let editor: { id: number; role: "EDITOR" };

beforeAll(async () => {
  editor = { id: (await createUser(db, { role: "EDITOR" })).id, role: "EDITOR" };
});

const upload = (bytes: Buffer, alt = "A kettle on a stove") =>
  uploadImage(editor, imageUploadSchema.parse({ alt, data: bytes.toString("base64") }));

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } });

async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).message;
}

describe("uploading a picture", () => {
  it("re-encodes it as WebP at each width up to its own and records it with its alt text", async () => {
    const image = await upload(await picture(2000, 1000).png().toBuffer());
    expect(image.widths).toEqual([480, 960, 1600]);
    expect([image.width, image.height]).toEqual([1600, 800]);
    expect(image.markdown).toBe(`![A kettle on a stove](/media/${image.key}/1600.webp)`);
    for (const width of image.widths) {
      const served = await readImageFile(image.key, `${width}.webp`);
      const metadata = await sharp(served!).metadata();
      expect([metadata.format, metadata.width]).toEqual(["webp", width]);
    }
    const row = await db.image.findUniqueOrThrow({ where: { key: image.key } });
    expect([row.alt, row.uploadedById, row.widths]).toEqual(["A kettle on a stove", editor.id, "480,960,1600"]);
    expect(await db.auditEvent.count({ where: { action: "image.upload", subjectId: row.id } })).toBe(1);
  });

  it("never enlarges a small picture", async () => {
    const image = await upload(await picture(300, 200).gif().toBuffer());
    expect(image.widths).toEqual([300]);
    expect(fs.readdirSync(path.join(IMAGES_DIR, image.key))).toEqual(["300.webp"]);
  });

  it("strips camera metadata and turns the picture upright", async () => {
    const photo = await picture(1200, 600)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: "SpyCam", Artist: "Someone at home" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
      })
      .toBuffer();
    expect(photo.includes("SpyCam")).toBe(true);
    const image = await upload(photo);
    const served = (await readImageFile(image.key, `${image.width}.webp`))!;
    const metadata = await sharp(served).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(served.includes("SpyCam")).toBe(false);
    expect(served.includes("Someone at home")).toBe(false);
    // Orientation 6 is a quarter turn: the 1200×600 photo is shown 600 wide and 1200 high.
    expect([metadata.width, metadata.height]).toEqual([600, 1200]);
  });

  it("refuses an SVG, whatever it is called", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    expect(await refusal(upload(svg))).toMatch(/JPEG, PNG, WebP or GIF.*SVG is not accepted/);
  });

  it("refuses a text file named like a picture", async () => {
    expect(await refusal(upload(Buffer.from("just some notes, saved as kettle.png")))).toMatch(/none of those/);
  });

  it("refuses a polyglot: a real picture with a script or archive after it", async () => {
    const png = await picture(64, 64).png().toBuffer();
    const html = Buffer.concat([png, Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
    expect(await refusal(upload(html))).toMatch(/something else hidden after the picture/);
    const gif = await picture(64, 64).gif().toBuffer();
    const zip = Buffer.concat([gif, Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    expect(await refusal(upload(zip))).toMatch(/something else hidden/);
  });

  it("refuses a damaged picture", async () => {
    const jpeg = await picture(800, 600).jpeg().toBuffer();
    expect(await refusal(upload(jpeg.subarray(0, jpeg.length / 2)))).toMatch(/could not be read/);
  });

  it("refuses a decompression bomb by its pixel count", async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(upload(bomb))).toMatch(/too large in pixels/);
  });

  it("refuses a file over 10 MB before decoding it", async () => {
    const tooBig = Buffer.alloc(10 * 1024 * 1024 + 1024, 0);
    tooBig.set([0xff, 0xd8, 0xff]);
    const parsed = imageUploadSchema.safeParse({ alt: "Too big", data: tooBig.toString("base64") });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 10 MB/);
  });

  it("requires alt text", () => {
    const parsed = imageUploadSchema.safeParse({ alt: " ", data: "AAAA" });
    expect(parsed.error?.issues[0]?.message).toMatch(/alt text/);
  });

  it("records nothing and leaves no files when refused", async () => {
    const before = [await db.image.count(), fs.existsSync(IMAGES_DIR) ? fs.readdirSync(IMAGES_DIR).length : 0];
    await refusal(upload(Buffer.from("<svg/>")));
    expect([await db.image.count(), fs.existsSync(IMAGES_DIR) ? fs.readdirSync(IMAGES_DIR).length : 0]).toEqual(before);
  });

  it("is for editors only", async () => {
    const png = (await picture(10, 10).png().toBuffer()).toString("base64");
    const reader = { id: (await createUser(db, { role: "READER" })).id, role: "READER" as const };
    const moderator = { id: (await createUser(db, { role: "MODERATOR" })).id, role: "MODERATOR" as const };
    const before = await db.image.count();
    await expect(uploadImage(null, imageUploadSchema.parse({ alt: "x y z", data: png }))).rejects.toBeInstanceOf(
      AuthenticationRequired,
    );
    await expect(uploadImage(reader, imageUploadSchema.parse({ alt: "x y z", data: png }))).rejects.toBeInstanceOf(Forbidden);
    await expect(uploadImage(moderator, imageUploadSchema.parse({ alt: "x y z", data: png }))).rejects.toBeInstanceOf(Forbidden);
    expect(await db.image.count()).toBe(before);
  });

  it("refuses an article that does not exist", async () => {
    const png = (await picture(10, 10).png().toBuffer()).toString("base64");
    await expect(
      uploadImage(editor, imageUploadSchema.parse({ alt: "x y z", articleId: 987654, data: png })),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

describe("serving pictures in articles", () => {
  it("gives an uploaded picture a srcset of its widths", () => {
    const key = "0123456789abcdef01234567";
    const html = renderMarkdown(`![A kettle](/media/${key}/1600.webp)`);
    expect(html).toContain(`srcset="/media/${key}/480.webp 480w, /media/${key}/960.webp 960w, /media/${key}/1600.webp 1600w"`);
    expect(html).toContain('alt="A kettle"');
    expect(html).toContain('loading="lazy"');
  });

  it("drops a srcset written into the Markdown by hand", () => {
    const html = renderMarkdown('<img src="https://example.com/a.png" srcset="javascript:alert(1) 1x" alt="a">');
    expect(html).not.toContain("srcset");
    expect(html).not.toContain("javascript");
  });

  it("finds no file for a made-up or path-like address", async () => {
    expect(await readImageFile("../../etc", "passwd")).toBeNull();
    expect(await readImageFile("0123456789abcdef01234567", "../quire.db")).toBeNull();
    expect(await readImageFile("ffffffffffffffffffffffff", "480.webp")).toBeNull();
  });
});
