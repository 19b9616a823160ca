import type { Metadata } from "next";
import { listCategoriesWithCounts } from "@/lib/articles/queries";
import { siteUrl } from "@/lib/config";
import { widgetByKind, WIDGETS } from "@/lib/widgets/catalogue";
import { latestWidgetQuery } from "@/lib/widgets/schema";
import { WidgetOffer } from "@/components/widgets/widget-offer";
import { CategoryPicker } from "@/components/widgets/category-picker";

export const metadata: Metadata = { title: "Free Widgets for your Site/Blog" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WidgetsPage({ searchParams }: Props) {
  const asked = (await searchParams).category;
  const query = latestWidgetQuery.safeParse({ category: Array.isArray(asked) ? asked[0] : asked });
  const categories = await listCategoriesWithCounts();
  // An unknown category in the address just shows every category's code.
  const chosen = query.success ? categories.find((category) => category.slug === query.data.category)?.slug : undefined;
  const site = siteUrl();
  const latest = widgetByKind("latest");
  return (
    <>
      <h1>Free Widgets for your Site/Blog</h1>
      <p className="lead">Put a little of Quire on your own site, free of charge, with one line of HTML.</p>
      <p>
        Paste either snippet where the widget should appear: the frame code works everywhere, even where scripts are not allowed;
        the script code puts the same frame in place for you. Each widget is a few kilobytes of plain HTML, sets no cookies,
        tracks nobody and opens the articles on Quire in a new tab.
      </p>
      {WIDGETS.filter((widget) => widget.kind !== "latest").map((widget) => (
        <WidgetOffer key={widget.kind} site={site} widget={widget} />
      ))}
      <WidgetOffer site={site} widget={latest} category={chosen}>
        <CategoryPicker categories={categories} chosen={chosen} />
      </WidgetOffer>
    </>
  );
}
