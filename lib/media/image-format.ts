/**
 * What a file is, judged by its bytes and never by its name or the type the
 * browser claims: the formats editors may upload, recognised by their
 * signatures, and whether anything follows the picture's last byte.
 */
export type ImageFormat = "jpeg" | "png" | "webp" | "gif";

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);

export function detectImageFormat(bytes: Buffer): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) {
    return "gif";
  }
  return null;
}

/** The PNG IEND chunk: length 0, type "IEND", its CRC. */
const PNG_END = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/**
 * Whether bytes follow the end of the picture. A polyglot (a picture that is
 * also a ZIP, a script or an HTML page) hides its second self there; the
 * decoders ignore it, so it would survive a check that only decodes. JPEG
 * writers may pad with zero bytes after the end marker, which is allowed.
 */
export function hasTrailingData(bytes: Buffer, format: ImageFormat): boolean {
  switch (format) {
    case "png":
      return !startsWith(bytes, PNG_END, bytes.length - PNG_END.length);
    case "gif":
      return bytes[bytes.length - 1] !== 0x3b;
    case "webp":
      return bytes.readUInt32LE(4) + 8 !== bytes.length && bytes.readUInt32LE(4) + 9 !== bytes.length;
    case "jpeg": {
      let end = bytes.length;
      while (end > 2 && bytes[end - 1] === 0x00) end--;
      return !(bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9);
    }
  }
}
