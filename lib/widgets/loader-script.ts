import { WIDGET_WIDTH, WIDGETS } from "./catalogue";

const FRAMES = Object.fromEntries(WIDGETS.map((w) => [w.kind, { path: w.path, name: w.name, height: w.height }]));

/**
 * /embed.js: finds each `<script src=".../embed.js" data-quire-widget="fact">`
 * on the host page (and `data-category` for "latest") and puts the widget's
 * iframe right after it. The frame's address comes from the script's own
 * `src`, so the snippet works whatever address Quire is reached by. Plain
 * ES5 with no dependencies: it runs on any page, before or after the others'
 * scripts, and once per tag however many tags load it.
 */
export const LOADER_SCRIPT = `(function () {
  var frames = ${JSON.stringify(FRAMES)};
  var tags = document.querySelectorAll("script[data-quire-widget]");
  for (var i = 0; i < tags.length; i++) {
    var tag = tags[i];
    var frame = frames[tag.getAttribute("data-quire-widget")];
    if (!frame || !tag.src || tag.getAttribute("data-quire-loaded")) continue;
    tag.setAttribute("data-quire-loaded", "1");
    var url = new URL(frame.path, tag.src);
    var category = tag.getAttribute("data-category");
    if (category && frame.path === "/embed/latest") url.searchParams.set("category", category);
    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = frame.name + " (Quire)";
    iframe.width = "${WIDGET_WIDTH}";
    iframe.height = String(frame.height);
    iframe.loading = "lazy";
    iframe.style.cssText = "border:0;max-width:100%";
    tag.parentNode.insertBefore(iframe, tag.nextSibling);
  }
})();
`;
