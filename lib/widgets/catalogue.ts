/**
 * The widgets other sites may embed: what each is called, where its embed
 * lives and how tall its frame is. The widgets page, the embed code it offers
 * and the loader script (embed.js) all read this one list.
 */
export const WIDGETS = [
  {
    kind: "fact",
    name: "Did you know?",
    description: "A surprising fact, a new one every day.",
    path: "/embed/fact",
    height: 200,
  },
  {
    kind: "history",
    name: "Today in history",
    description: "What happened on today's date, in years gone by.",
    path: "/embed/history",
    height: 360,
  },
  {
    kind: "latest",
    name: "Latest articles",
    description: "Our five newest answers, from every category or from the one you choose.",
    path: "/embed/latest",
    height: 300,
  },
] as const;

export type Widget = (typeof WIDGETS)[number];
export type WidgetKind = Widget["kind"];

/** The frame's width: narrow enough for a blog's sidebar, and it shrinks with its column. */
export const WIDGET_WIDTH = 320;

export function widgetByKind(kind: WidgetKind): Widget {
  return WIDGETS.find((widget) => widget.kind === kind)!;
}
