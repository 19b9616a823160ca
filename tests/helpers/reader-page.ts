import { afterAll, beforeAll, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { connectServerDatabase } from "./server-db";

/**
 * The usual frame of a browser test file: Chromium with one page on the test
 * server (script off by default, as for a reader without JavaScript), and a
 * connection to the server's database, both closed after the file.
 */
export function readerPageForFile({ javaScriptEnabled = false }: { javaScriptEnabled?: boolean } = {}) {
  const baseURL = inject("baseURL");
  const serverDb = connectServerDatabase();
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ baseURL, javaScriptEnabled });
  });
  afterAll(async () => {
    await browser?.close();
    await serverDb.$disconnect();
  });
  return {
    baseURL,
    serverDb,
    get browser() {
      return browser!;
    },
    get page() {
      return page!;
    },
  };
}
