import { formatMonthDayName, formatMonthDaySlug, type MonthDay } from "@/lib/calendar";
import { SITE_NAME } from "@/lib/config";
import { escapeHtml } from "@/lib/text";

/**
 * The embeds' HTML, written by hand rather than rendered by React: an embed is
 * one small document with inline CSS and no script at all, so that another
 * site's page pays a few kilobytes for it (the budget is 5 KB) and nothing of
 * Next's runtime. Every link is absolute (the document lives inside someone
 * else's page) and opens Quire in a new tab.
 */

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis: editors' text has no length limit, the embed has. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

const STYLE =
  "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2330;background:#fdfcf9}" +
  ".w{box-sizing:border-box;min-height:100vh;padding:10px 14px;border:1px solid #dcd8cc;border-radius:6px;background:#f3f1ea}" +
  "h1{margin:0 0 6px;font-size:16px}p{margin:4px 0}ol,ul{margin:4px 0;padding-left:18px}li{margin:4px 0}" +
  "a{color:#0b5c8a}.m{color:#4a5366;font-size:13px}footer{margin-top:8px;font-size:12px;color:#4a5366}";

type Link = { href: string; text: string; label?: string };

/** A link out of the frame: a new tab on Quire, never navigating the host page. */
export function outLink({ href, text, label }: Link): string {
  const aria = label ? ` aria-label="${escapeHtml(label)}"` : "";
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener"${aria}>${escapeHtml(text)}</a>`;
}

/** The whole embed document around a widget's own markup (already escaped). */
export function embedDocument({ site, title, body }: { site: string; title: string; body: string }): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)} | ${SITE_NAME}</title><style>${STYLE}</style></head>` +
    `<body><section class="w"><h1>${escapeHtml(title)}</h1>${body}` +
    `<footer>From ${outLink({ href: `${site}/`, text: SITE_NAME })}</footer></section></body></html>`
  );
}

export function factEmbed(site: string, fact: { slug: string; title: string; summary: string } | null): string {
  const body = fact
    ? `<p>${escapeHtml(clip(fact.summary, 400))} ` +
      `${outLink({ href: `${site}/facts/${encodeURIComponent(fact.slug)}`, text: "more...", label: `More about: ${clip(fact.title, 120)}` })}</p>`
    : `<p class="m">Our fact-finders are at work. Check back soon.</p>`;
  return embedDocument({ site, title: "Did you know?", body });
}

export function historyEmbed(
  site: string,
  { today, events }: { today: MonthDay; events: { year: number; title: string; text: string }[] },
): string {
  const dayName = formatMonthDayName(today);
  const dayLink = outLink({
    href: `${site}/history/${formatMonthDaySlug(today)}`,
    text: "more...",
    label: `More events on ${dayName}`,
  });
  const sentence = (title: string) => (/[.!?]$/.test(title) ? title : `${title}.`);
  const list = events
    .map((e) => `<li><b>${e.year}</b>: ${escapeHtml(sentence(clip(e.title, 120)))} ${escapeHtml(clip(e.text, 160))}</li>`)
    .join("");
  const body =
    events.length > 0
      ? `<p class="m">${escapeHtml(dayName)}</p><ul>${list}</ul><p>${dayLink}</p>`
      : `<p class="m">Nothing recorded for ${escapeHtml(dayName)} yet.</p>`;
  return embedDocument({ site, title: "Today in history", body });
}

export function latestEmbed(
  site: string,
  { category, articles }: { category: { slug: string; name: string } | null; articles: { slug: string; title: string }[] },
): string {
  const list = articles
    .map((a) => `<li>${outLink({ href: `${site}/articles/${encodeURIComponent(a.slug)}`, text: clip(a.title, 160) })}</li>`)
    .join("");
  const all = category
    ? outLink({
        href: `${site}/categories/${encodeURIComponent(category.slug)}`,
        text: `All ${clip(category.name, 60)} articles`,
      })
    : outLink({ href: `${site}/`, text: "All articles" });
  const body = articles.length > 0 ? `<ol>${list}</ol><p>${all}</p>` : `<p class="m">Nothing published here yet.</p>`;
  return embedDocument({ site, title: category ? `Latest in ${clip(category.name, 60)}` : "Latest articles", body });
}

/** An embed asked for a category Quire does not have: a sentence for the page that embeds it, and its author. */
export function noSuchCategoryEmbed(site: string): string {
  return embedDocument({
    site,
    title: "No such category",
    body:
      `<p>This widget asks for a category that ${SITE_NAME} does not have. ` +
      `Check its <code>category</code> on the ${outLink({ href: `${site}/widgets`, text: "widgets page" })}.</p>`,
  });
}
