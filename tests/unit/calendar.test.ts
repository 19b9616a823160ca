import { describe, expect, it } from "vitest";
import { formatMonthDaySlug, monthDayOf, parseMonthDay } from "@/lib/calendar";

describe("calendar days", () => {
  it("accepts real days including 29 February, and refuses impossible ones", () => {
    expect(parseMonthDay("02-29")).toEqual({ month: 2, day: 29 });
    expect(parseMonthDay("11-31")).toBeNull();
    expect(parseMonthDay("13-01")).toBeNull();
    expect(parseMonthDay("1-5")).toBeNull();
  });

  it("round-trips the MM-DD slug", () => {
    expect(formatMonthDaySlug({ month: 3, day: 4 })).toBe("03-04");
  });

  it("takes 'today' in the site's time zone", () => {
    const instant = new Date("2026-11-25T23:30:00Z");
    expect(monthDayOf(instant, "UTC")).toEqual({ month: 11, day: 25 });
    expect(monthDayOf(instant, "Asia/Tokyo")).toEqual({ month: 11, day: 26 });
  });
});
