import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getFactNeighbours } from "@/lib/facts/queries";
import { getNeighbourDays, hasHistoryOn } from "@/lib/history/queries";
import { renderToStaticMarkup } from "react-dom/server";
import { PublicationDay } from "@/components/articles/publication-day";

// "more...": a fact leads to the facts beside it, a day in history to the
// nearest days that have history, and an article to the day it was published.

const fact = (slug: string, title: string) => ({ slug, title, summary: `${title}.`, body: `${title}.` });
const event = (month: number, day: number, year = 1900) => ({
  month,
  day,
  year,
  title: `Event ${month}-${day}-${year}`,
  text: "Text.",
});

describe("a fact's neighbours", () => {
  beforeEach(async () => {
    await db.fact.deleteMany();
    await db.fact.createMany({
      data: [fact("c-fact", "Cats"), fact("a-fact", "Ants"), fact("b-two", "Bees"), fact("b-one", "Bees")],
    });
  });

  it("are the facts before and after it in the list's order, by title then address", async () => {
    expect(await getFactNeighbours({ slug: "a-fact", title: "Ants" })).toEqual({
      previous: null,
      next: { slug: "b-one", title: "Bees" },
    });
    expect(await getFactNeighbours({ slug: "b-one", title: "Bees" })).toEqual({
      previous: { slug: "a-fact", title: "Ants" },
      next: { slug: "b-two", title: "Bees" },
    });
    expect(await getFactNeighbours({ slug: "c-fact", title: "Cats" })).toEqual({
      previous: { slug: "b-two", title: "Bees" },
      next: null,
    });
  });
});

describe("a day's neighbours in history", () => {
  beforeEach(async () => {
    await db.historyEvent.deleteMany();
  });

  it("skip the days with nothing recorded", async () => {
    await db.historyEvent.createMany({ data: [event(1, 5), event(3, 1), event(3, 1, 1950), event(12, 3)] });
    expect(await getNeighbourDays({ month: 3, day: 1 })).toEqual({ previous: { month: 1, day: 5 }, next: { month: 12, day: 3 } });
    // A day with nothing of its own still leads to the nearest days that have some.
    expect(await getNeighbourDays({ month: 2, day: 10 })).toEqual({ previous: { month: 1, day: 5 }, next: { month: 3, day: 1 } });
  });

  it("go round the calendar: December 31 comes before January 1", async () => {
    await db.historyEvent.createMany({ data: [event(1, 5), event(6, 1), event(12, 3)] });
    expect(await getNeighbourDays({ month: 1, day: 5 })).toEqual({ previous: { month: 12, day: 3 }, next: { month: 6, day: 1 } });
    expect(await getNeighbourDays({ month: 12, day: 3 })).toEqual({ previous: { month: 6, day: 1 }, next: { month: 1, day: 5 } });
  });

  it("are none when no other day has history", async () => {
    await db.historyEvent.createMany({ data: [event(7, 4)] });
    expect(await getNeighbourDays({ month: 7, day: 4 })).toEqual({ previous: null, next: null });
    expect(await hasHistoryOn({ month: 7, day: 4 })).toBe(true);
    expect(await hasHistoryOn({ month: 7, day: 5 })).toBe(false);
  });
});

describe("the Published line of an article's Article Details", () => {
  /** The line as the page renders it (the component is a server component: awaited, then drawn). */
  const publishedLine = async (publishedAt: Date | null) => renderToStaticMarkup(await PublicationDay({ publishedAt }));

  beforeEach(async () => {
    await db.historyEvent.deleteMany();
    await db.historyEvent.createMany({ data: [event(4, 12)] });
  });

  it("links the day of publication when that day has history", async () => {
    const html = await publishedLine(new Date("2026-04-12T09:00:00Z"));
    expect(html).toContain('<a href="/history/04-12">April 12 in history</a>');
    expect(html).toContain("April 12, 2026");
  });

  it("shows the date alone when the day has none, and nothing for an unpublished draft", async () => {
    const html = await publishedLine(new Date("2026-04-13T09:00:00Z"));
    expect(html).toContain("April 13, 2026");
    expect(html).not.toContain("/history/");
    expect(await publishedLine(null)).toBe("");
  });
});
