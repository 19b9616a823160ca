import { formatDateTime } from "@/lib/calendar";

type Article = { status: "DRAFT" | "SCHEDULED" | "PUBLISHED"; publishedAt: Date | null; deletedAt: Date | null };

/** An article's state in words: "Published", "Scheduled for …", "Draft", "In the bin". */
export function StatusBadge({ article }: { article: Article }) {
  if (article.deletedAt) return <span className="status-badge status-badge--deleted">In the bin</span>;
  if (article.status === "SCHEDULED" && article.publishedAt) {
    return <span className="status-badge status-badge--scheduled">Scheduled for {formatDateTime(article.publishedAt)}</span>;
  }
  const word = article.status === "PUBLISHED" ? "Published" : article.publishedAt ? "Unpublished draft" : "Draft";
  return <span className={`status-badge status-badge--${article.status.toLowerCase()}`}>{word}</span>;
}
