import { afterAll, describe, expect, inject, it } from "vitest";
import { connectServerDatabase } from "../helpers/server-db";
import { sessionCookie, type DemoUser } from "./moderation-helpers";

// The site export in /admin, on the production server: an admin downloads the
// site as WXR or JSON; everyone else is refused, by the server, without a file.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
afterAll(() => serverDb.$disconnect());

async function get(path: string, user: DemoUser | null) {
  const headers: Record<string, string> = user ? { cookie: await sessionCookie(user) } : {};
  return fetch(`${baseURL}${path}`, { headers, redirect: "manual" });
}

describe("the site export", () => {
  it("gives an admin the site as a WXR file to save, and as JSON", async () => {
    const page = await (await get("/admin/export", "admin")).text();
    expect(page).toContain('href="/api/admin/export?format=wxr"');

    const wxr = await get("/api/admin/export?format=wxr", "admin");
    expect(wxr.status).toBe(200);
    expect(wxr.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(wxr.headers.get("content-disposition")).toMatch(/^attachment; filename="quire-export-\d{8}-\d{6}\.xml"$/);
    expect(wxr.headers.get("cache-control")).toBe("no-store");
    const xml = await wxr.text();
    expect(xml).toContain("<wp:wxr_version>1.2</wp:wxr_version>");
    const outsideTheBin = await serverDb.article.count({ where: { deletedAt: null } });
    expect(xml.match(/<item>/g)).toHaveLength(outsideTheBin);

    const json = await get("/api/admin/export?format=json", "admin");
    expect(json.headers.get("content-disposition")).toMatch(/filename="quire-export-.+\.json"$/);
    const site = (await json.json()) as { people: { username: string }[] };
    expect(site.people.map((p) => p.username)).toContain("admin");
    const admin = await serverDb.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(xml + JSON.stringify(site)).not.toContain(admin.passwordHash);
  });

  it.each([
    ["a guest", null, 401],
    ["a reader", "reader", 403],
    ["an editor", "editor", 403],
    ["a moderator", "moderator", 403],
  ] as const)("refuses %s, with no file", async (_, user, status) => {
    const response = await get("/api/admin/export?format=wxr", user);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(((await response.json()) as { error: string }).error).toMatch(/administrator/);
    const page = await get("/admin/export", user);
    expect(page.status).toBe(user === null ? 307 : 403);
  });

  it("answers 400 with a sentence for a format it does not write", async () => {
    const response = await get("/api/admin/export?format=csv", "admin");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Choose the format: wxr (for WordPress) or json.");
  });
});
