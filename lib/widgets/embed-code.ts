import { WIDGET_WIDTH, type Widget } from "./catalogue";

/**
 * The copy-and-paste snippets the widgets page offers, with absolute
 * addresses (they are pasted into other sites). Attribute values are slugs
 * and Quire's own addresses, checked before they get here.
 */
export function embedUrl(site: string, widget: Widget, category?: string): string {
  return `${site}${widget.path}${category ? `?category=${encodeURIComponent(category)}` : ""}`;
}

export function iframeCode(site: string, widget: Widget, category?: string): string {
  return (
    `<iframe src="${embedUrl(site, widget, category)}" title="${widget.name} (Quire)" ` +
    `width="${WIDGET_WIDTH}" height="${widget.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

export function scriptCode(site: string, widget: Widget, category?: string): string {
  const categoryAttribute = category ? ` data-category="${encodeURIComponent(category)}"` : "";
  return `<script async src="${site}/embed.js" data-quire-widget="${widget.kind}"${categoryAttribute}></script>`;
}
