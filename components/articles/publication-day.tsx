import Link from "next/link";
import { formatDate, formatMonthDayName, formatMonthDaySlug, monthDayOf } from "@/lib/calendar";
import { hasHistoryOn } from "@/lib/history/queries";

/** "Published" in the Article Details box, leading to that calendar day in history when the day has any. */
export async function PublicationDay({ publishedAt }: { publishedAt: Date | null }) {
  if (!publishedAt) return null;
  const day = monthDayOf(publishedAt);
  const withHistory = await hasHistoryOn(day);
  return (
    <div>
      <dt>Published</dt>
      <dd>
        <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time>
        {withHistory && (
          <>
            {" "}
            (<Link href={`/history/${formatMonthDaySlug(day)}`}>{formatMonthDayName(day)} in history</Link>)
          </>
        )}
      </dd>
    </div>
  );
}
