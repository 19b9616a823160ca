import { z } from "zod";
import { recordId } from "@/lib/validation";
import { formatMonthDaySlug, parseMonthDay } from "@/lib/calendar";

// Shared by the back office's history forms, their server actions and /api/admin/history.

const id = recordId("Choose an event.");

const MONTH_NAMES = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month, 1)),
);

const isMonth = (month: number) => Number.isInteger(month) && month >= 1 && month <= 12;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

export const historyEventFieldsSchema = z
  .object({
    month: z.coerce
      .number({ error: "Choose a month." })
      .int("Choose a month.")
      .min(1, "Choose a month.")
      .max(12, "Choose a month."),
    day: z.coerce
      .number({ error: "Enter the day of the month as a number." })
      .int("Enter the day of the month as a whole number.")
      .min(1, "Enter a day from 1 to 31.")
      .max(31, "Enter a day from 1 to 31."),
    year: z.coerce
      .number({ error: "Enter the year as a number, like 1969." })
      .int("Enter the year as a whole number, like 1969.")
      .min(1, "Enter a year from 1 on.")
      // The events are history: none can be in a year still to come.
      .refine((year) => year <= new Date().getUTCFullYear(), "Enter this year or an earlier one."),
    title: z.string().trim().min(1, "Give the event a title.").max(200, "Keep the title under 200 characters."),
    text: z.string().trim().min(1, "Write what happened.").max(2_000, "Keep the text under 2,000 characters."),
  })
  // February 29 is a day like any other here: the page for 02-29 exists, and shows in leap years.
  // A month that is not one (1e308) has its own message, not "1e+308 has no day 1".
  .refine(({ month, day }) => !isMonth(month) || parseMonthDay(formatMonthDaySlug({ month, day })) !== null, {
    path: ["day"],
    error: ({ input }) => {
      const { month, day } = input as { month: number; day: number };
      return `${monthName(month)} has no day ${day}.`;
    },
  });
export type HistoryEventFields = z.output<typeof historyEventFieldsSchema>;

export const historyEventUpdateSchema = historyEventFieldsSchema.safeExtend({ id });
export const historyEventRefSchema = z.object({ id });

/** The back office's history list shows one calendar day: `?month=2&day=29` (today when absent or not a real day). */
export const historyDaySchema = z
  .object({
    month: z.coerce.number().int().optional().catch(undefined),
    day: z.coerce.number().int().optional().catch(undefined),
  })
  .transform(({ month, day }) =>
    month !== undefined && day !== undefined ? parseMonthDay(formatMonthDaySlug({ month, day })) : null,
  );
