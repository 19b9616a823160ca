import crypto from "node:crypto";

export function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** Body fingerprint for duplicate detection: case, spacing and line endings do not matter. */
export function bodyFingerprint(body: string): string {
  return sha256Hex(body.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim());
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML built as a string, not by React (emails, feeds, embeds, search snippets). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
