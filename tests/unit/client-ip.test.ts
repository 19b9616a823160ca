import { afterEach, describe, expect, it, vi } from "vitest";
import { announceClientIpHeader, CLIENT_IP_HEADER } from "@/lib/client-address";
import { clientIp } from "@/lib/http";

const from = (headers: Record<string, string>) => clientIp(new Request("http://localhost/", { headers }));

/** Every header a client could send to claim another address. */
const FORGED = { "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8", [CLIENT_IP_HEADER]: "198.51.100.9" };

afterEach(() => {
  vi.unstubAllEnvs();
  announceClientIpHeader(false);
});

describe("the client address", () => {
  it("is the one the production server passed on, whatever X-Forwarded-For or X-Real-IP a client sends", () => {
    announceClientIpHeader();
    expect(from({ ...FORGED, [CLIENT_IP_HEADER]: "203.0.113.5" })).toBe("203.0.113.5");
    expect(from({ "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8" })).toBe("unknown");
  });

  it("is the same for every request when no production server passes one on, so a forged header gains nothing", () => {
    expect(from(FORGED)).toBe("unknown");
    expect(from({ ...FORGED, "x-forwarded-for": "192.0.2.1, 192.0.2.2" })).toBe("unknown");
    expect(from({})).toBe("unknown");
  });

  it("is the proxy's right-most X-Forwarded-For entry with TRUST_PROXY=1, not what the client wrote before it", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    announceClientIpHeader();
    expect(from({ "x-forwarded-for": "203.0.113.5", [CLIENT_IP_HEADER]: "127.0.0.1" })).toBe("203.0.113.5");
    expect(from({ "x-forwarded-for": "198.51.100.7, 198.51.100.8 ,203.0.113.5 ", "x-real-ip": "198.51.100.8" })).toBe(
      "203.0.113.5",
    );
  });

  it("falls back to the socket's address with TRUST_PROXY=1 when a request did not come through the proxy", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    announceClientIpHeader();
    expect(from({ [CLIENT_IP_HEADER]: "203.0.113.5" })).toBe("203.0.113.5");
    announceClientIpHeader(false);
    expect(from({ [CLIENT_IP_HEADER]: "198.51.100.9" })).toBe("unknown");
  });

  it("trusts X-Forwarded-For only for TRUST_PROXY=1 exactly", () => {
    announceClientIpHeader();
    for (const value of ["true", "yes", "0", ""]) {
      vi.stubEnv("TRUST_PROXY", value);
      expect(from({ ...FORGED, [CLIENT_IP_HEADER]: "203.0.113.5" }), value).toBe("203.0.113.5");
    }
  });
});
