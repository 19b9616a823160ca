import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";

/** A form's fields in order, as the browser would send them; names may repeat. */
export type FormFields = [string, string][];

/** Which form on a page: a CSS selector, a text the form must contain, and the button pressed. */
export type FormSelector = { selector: string; containing?: string; submitter?: { name: string; value: string } };

/**
 * Reads the server-rendered forms of a page the way a browser without
 * JavaScript sends them, hidden `$ACTION_…` fields (which server action, its
 * bound state) included: Chromium parses the HTML, with scripts off and
 * every request blocked, and builds the FormData itself.
 */
export class FormReader {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<FormReader> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route("**/*", (route) => route.abort());
    return new FormReader(context, await context.newPage());
  }

  /**
   * The fields of the form `form` finds in `html`, as the browser sends them
   * when its `submitter` button is pressed (or none). Throws if there is no
   * such form.
   */
  async fields(html: string, form: FormSelector): Promise<FormFields> {
    await this.page.setContent(html, { waitUntil: "domcontentloaded" });
    const found = await this.page.evaluate(({ selector, containing, submitter }) => {
      const forms = [...document.querySelectorAll(selector)].filter(
        (element): element is HTMLFormElement =>
          element instanceof HTMLFormElement && (!containing || (element.textContent ?? "").includes(containing)),
      );
      const form = forms[0];
      if (!form) return null;
      const button = submitter
        ? [...form.elements].find(
            (element): element is HTMLButtonElement =>
              element instanceof HTMLButtonElement && element.name === submitter.name && element.value === submitter.value,
          )
        : undefined;
      if (submitter && !button) return null;
      return [...new FormData(form, button)].map(([name, value]): [string, string] => [name, String(value)]);
    }, form);
    if (!found) throw new Error(`no form ${JSON.stringify(form)} on the page`);
    return found;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** The fields with some changed: the value that counts (the last of its name) replaced, or the field added. */
export function withFields(fields: FormFields, changes: Record<string, string>): FormFields {
  const out: FormFields = fields.map(([name, value]) => [name, value]);
  for (const [name, value] of Object.entries(changes)) {
    const at = out.findLastIndex(([existing]) => existing === name);
    if (at >= 0) out[at] = [name, value];
    else out.push([name, value]);
  }
  return out;
}

/**
 * POSTs form fields to a page as a browser without JavaScript does: multipart,
 * same-origin, not following the redirect that answers a successful form.
 */
export function postForm(
  path: string,
  fields: FormFields,
  { cookie, headers = {} }: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const baseURL = inject("baseURL");
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return fetch(`${baseURL}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseURL, ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
}

/**
 * What the server action answered, as the re-rendered page carries it in its
 * forms' bound state (`$ACTION_<n>:1`): "error" if any form shows a refusal,
 * "done" if one shows success, null if the page shows neither.
 */
export function answeredState(html: string): "error" | "done" | null {
  const states = [...html.matchAll(/name="\$ACTION_\d+:1" value="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
  if (states.some((state) => state.includes('"status":"error"'))) return "error";
  if (states.some((state) => state.includes('"status":"done"'))) return "done";
  return null;
}

/** The refusal sentence of a re-rendered form, if it shows one. */
export function answeredError(html: string): string | null {
  for (const match of html.matchAll(/name="\$ACTION_\d+:1" value="([^"]*)"/g)) {
    const state = JSON.parse(decodeEntities(match[1]!)) as unknown;
    const first = Array.isArray(state) ? (state[0] as { status?: string; error?: string }) : null;
    if (first?.status === "error" && first.error) return first.error;
  }
  return null;
}

function decodeEntities(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, entity: string) =>
    entity === "quot" ? '"' : entity === "amp" ? "&" : entity === "lt" ? "<" : entity === "gt" ? ">" : "'",
  );
}

/**
 * A multipart body written by hand, for what FormData cannot carry: bytes
 * that are not UTF-8 in a text field.
 */
export function rawMultipart(fields: [string, string | Uint8Array][]): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `----quire${Date.now().toString(16)}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`));
    parts.push(typeof value === "string" ? Buffer.from(value) : value);
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}
