/**
 * The site's calendar day. "Today" in the sidebar means today where the site
 * is run (SITE_TIME_ZONE, default UTC), the same for every reader, so the page
 * stays identical for everyone and cacheable.
 */
export function siteTimeZone(): string {
  return process.env.SITE_TIME_ZONE ?? "UTC";
}

export type MonthDay = { month: number; day: number };

// Building an Intl.DateTimeFormat is far costlier than using one, and a page
// formats dozens of dates (one per post): keep one per zone and style.
const STYLES = {
  "month-day-numeric": { month: "numeric", day: "numeric" },
  "month-day": { month: "long", day: "numeric" },
  "long-date": { year: "numeric", month: "long", day: "numeric" },
  "time-of-day": { hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" },
  "date-time": { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  "wall-clock": {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", { timeZone, ...STYLES[style] });
    formatters.set(key, found);
  }
  return found;
}

export function monthDayOf(date: Date, timeZone = siteTimeZone()): MonthDay {
  const parts = formatter(timeZone, "month-day-numeric").formatToParts(date);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { month: value("month"), day: value("day") };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses "MM-DD" (e.g. "11-25"); null unless it names a real calendar day (Feb 29 included). */
export function parseMonthDay(text: string): MonthDay | null {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  return { month, day };
}

export function formatMonthDaySlug({ month, day }: MonthDay): string {
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function formatMonthDayName({ month, day }: MonthDay): string {
  return formatter("UTC", "month-day").format(new Date(Date.UTC(2000, month - 1, day)));
}

/** Day number in the year (1-366) on a leap-year calendar, for daily rotation. */
export function dayOfYear({ month, day }: MonthDay): number {
  return DAYS_IN_MONTH.slice(0, month - 1).reduce((sum, days) => sum + days, 0) + day;
}

export function formatDate(date: Date): string {
  return formatter(siteTimeZone(), "long-date").format(date);
}

/** A moment for staff pages: "December 2, 2026 at 11:45 PM UTC", in the site's time zone. */
export function formatDateTime(date: Date): string {
  return formatter(siteTimeZone(), "date-time").format(date);
}

/** The site's wall clock at a moment, as "YYYY-MM-DDTHH:MM" (what a datetime-local field shows). */
export function toSiteWallClock(date: Date, timeZone = siteTimeZone()): string {
  const parts = formatter(timeZone, "wall-clock").formatToParts(date);
  const value = (type: string) => parts.find((p) => p.type === type)!.value.padStart(2, "0");
  return `${parts.find((p) => p.type === "year")!.value}-${value("month")}-${value("day")}T${value("hour")}:${value("minute")}`;
}

/**
 * The moment at which the site's clock shows `wallClock` ("YYYY-MM-DDTHH:MM"),
 * or null if that is not a time. Found by guessing UTC and correcting by the
 * zone's offset at the guess, twice, which settles across a daylight-saving change.
 */
export function fromSiteWallClock(wallClock: string, timeZone = siteTimeZone()): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const shown = fromWallClockParts(toSiteWallClock(new Date(guess), timeZone));
    guess += wanted - shown;
  }
  return new Date(guess);
}

function fromWallClockParts(wallClock: string): number {
  const [date, time] = wallClock.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

const HOUR_MS = 3_600_000;

function sameDay(a: MonthDay, b: MonthDay): boolean {
  return a.month === b.month && a.day === b.day;
}

/**
 * The next midnight in the site's time zone: when "today" (the sidebar's fact
 * and history entry) changes. Found from the zone's wall clock, then nudged by
 * whole hours so that a day of 23 or 25 hours (a daylight-saving change) still
 * ends at its real midnight.
 */
export function nextSiteMidnight(now: Date, timeZone = siteTimeZone()): Date {
  const parts = formatter(timeZone, "time-of-day").formatToParts(now);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const elapsedMs = ((value("hour") * 60 + value("minute")) * 60 + value("second")) * 1000 + now.getMilliseconds();
  let midnight = now.getTime() - elapsedMs + 24 * HOUR_MS;
  const today = monthDayOf(now, timeZone);
  while (!sameDay(monthDayOf(new Date(midnight - HOUR_MS), timeZone), today)) midnight -= HOUR_MS;
  while (sameDay(monthDayOf(new Date(midnight), timeZone), today)) midnight += HOUR_MS;
  return new Date(midnight);
}
