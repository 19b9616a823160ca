import "server-only";
import crypto from "node:crypto";
import { serverSecret } from "@/lib/config";

/**
 * A keyed hash of the client's IP address. Quire never stores addresses: the
 * hash is enough to throttle, spot repeat posters and let moderators see that
 * two posts came from one place, and it cannot be reversed without the secret.
 */
export function hashIp(ip: string): string {
  return crypto.createHmac("sha256", serverSecret()).update(`ip:${ip}`).digest("hex").slice(0, 32);
}
