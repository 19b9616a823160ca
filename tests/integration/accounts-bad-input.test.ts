import { describe, expect, it } from "vitest";
import { POST as signup } from "@/app/api/account/signup/route";
import { POST as forgot } from "@/app/api/account/forgot/route";
import { POST as reset } from "@/app/api/account/reset/route";
import { POST as confirm } from "@/app/api/account/confirm/route";
import { postJson } from "../helpers/json-request";

const endpoints = { signup, forgot, reset, confirm };
const ONE_MB = "x".repeat(1024 * 1024);

const badBodies: { name: string; body: unknown; headers?: Record<string, string>; status: number }[] = [
  { name: "an empty object", body: {}, status: 400 },
  { name: "null", body: "null", status: 400 },
  { name: "an array", body: [], status: 400 },
  { name: "wrong types", body: { username: 42, email: ["a@b.co"], password: { x: 1 }, token: true }, status: 400 },
  { name: "invalid JSON", body: '{"email": "a@b.co",', status: 400 },
  { name: "an empty body", body: "", status: 400 },
  {
    name: "a 1 MB body",
    body: { email: `${ONE_MB}@example.com`, username: ONE_MB, password: ONE_MB, token: ONE_MB },
    status: 413,
  },
  { name: "a form post", body: "email=a%40b.co", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
  { name: "no content type", body: '{"email":"a@b.co"}', headers: { "content-type": "" }, status: 415 },
  { name: "a post from another site", body: { email: "a@b.co" }, headers: { origin: "https://evil.example" }, status: 403 },
];

describe("the account endpoints", () => {
  for (const [endpoint, handler] of Object.entries(endpoints)) {
    for (const bad of badBodies) {
      it(`${endpoint}: answer ${bad.name} with ${bad.status} and a sentence, never a 500`, async () => {
        const response = await postJson(handler, bad.body, { headers: bad.headers });
        expect(response.status).toBe(bad.status);
        const body = await response.json();
        expect(typeof body.error).toBe("string");
        expect(body.error.length).toBeGreaterThan(10);
        if (bad.status === 400 && body.fields) {
          for (const messages of Object.values(body.fields as Record<string, string[]>)) {
            for (const message of messages) expect(message).not.toMatch(/Invalid input|expected \w+, received/);
          }
        }
      });
    }
  }
});
