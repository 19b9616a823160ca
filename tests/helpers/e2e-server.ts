import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freshTmpDir, ROOT } from "./paths";
import { startProductionServer } from "./production-server";
import { startSmtpSink } from "./smtp-sink";
import { dropDatabase } from "./test-database";
import { connectDatabase } from "../../lib/db/connect";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    mailDir: string;
    serverDataDir: string;
  }
}

/**
 * Every browser and request in the suite comes from 127.0.0.1, so the per-address
 * limits on login, sign-up and forgot-password (meant for one person) would
 * trip across unrelated test files. Raise those three on the test server only;
 * per-account limits stay as shipped, and the throttles themselves are tested
 * in tests/integration against the real defaults.
 */
async function raiseSharedAddressLimits(databaseUrl: string) {
  const db = connectDatabase(databaseUrl);
  const generous = JSON.stringify({ max: 100_000, windowSeconds: 900 });
  // The demo accounts also log in from many files within one 15-minute window: their per-account
  // limit is raised too (tests/e2e/account-attacks.test.ts sets its own limits while it tests them).
  for (const key of ["loginRateLimitPerIp", "loginRateLimitPerAccount", "signupRateLimitPerIp", "forgotRateLimitPerIp"]) {
    await db.siteSetting.upsert({ where: { key }, create: { key, value: generous }, update: { value: generous } });
  }
  await db.$disconnect();
}

/**
 * Starts the production server exactly as a user would (`npm start`),
 * on a fresh data folder, so the server command itself migrates and seeds its
 * database. Mail goes to a real SMTP server on 127.0.0.1. Never reuses a
 * developer's running server.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const dir = freshTmpDir("e2e");
  const mailDir = path.join(dir, "mail");
  const smtp = await startSmtpSink(mailDir);
  const server = await startProductionServer(dir, {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: "Quire <no-reply@quire.test>",
    // Discussion digests gather for 3 s and come at most every 6 s, not 2 and 15 minutes, so a test can wait for them.
    QUIRE_DIGEST_GATHER_SECONDS: "3",
    QUIRE_DIGEST_INTERVAL_SECONDS: "6",
  });
  const { baseURL, databaseUrl } = server;

  await raiseSharedAddressLimits(databaseUrl);
  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);
  project.provide("mailDir", mailDir);
  project.provide("serverDataDir", dir);

  return async () => {
    server.stop();
    await smtp.close();
    if (!process.env.KEEP_E2E_DATA) await dropDatabase(databaseUrl);
    if (!process.env.KEEP_E2E_DATA) fs.rmSync(dir, { recursive: true, force: true });
  };
}
