import type { Metadata } from "next";
import Link from "next/link";
import { searchArticles } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/search/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchQuerySchema.parse(await searchParams);
  return { title: q.trim() ? `Search: ${q.trim().slice(0, 80)}` : "Search", robots: { index: false } };
}

/** Search results: ranked, with the matched words marked in a snippet, ten a page. */
export default async function SearchPage({ searchParams }: Props) {
  const query = searchQuerySchema.parse(await searchParams);
  const results = await searchArticles(query);
  const asked = query.q.trim();
  const pageLink = (page: number) => `/search?${new URLSearchParams({ q: query.q, page: String(page) })}`;
  return (
    <>
      <h1>Search</h1>
      <form role="search" action="/search" method="get" className="search-form">
        <label htmlFor="search-q">Words to look for</label>
        <input id="search-q" type="search" name="q" defaultValue={query.q} maxLength={2000} />
        <button type="submit">Search</button>
      </form>
      {results.words.length === 0 ? (
        asked ? (
          <p>
            There are no words to look for in “{asked.slice(0, 200)}”. Try a few words, such as “kettle” or “why is the sky blue”.
          </p>
        ) : (
          <p>Type a few words to find articles about them.</p>
        )
      ) : results.total === 0 ? (
        <NoResults words={results.words} />
      ) : (
        <>
          <p role="status">
            {results.total === 1 ? "One article" : `${results.total} articles`}{" "}
            {results.matchedEveryWord ? "with" : "with some of"} the words <strong>{results.words.join(" ")}</strong>
            {results.matchedEveryWord ? "" : " (none has every one of them)"}.
          </p>
          <ol className="search-results" start={(results.page - 1) * 10 + 1}>
            {results.hits.map((hit) => (
              <li key={hit.id} className="search-result">
                <h2 className="search-result__title">
                  <Link href={`/articles/${hit.slug}`}>{hit.title}</Link>
                </h2>
                <p className="search-result__category">
                  <Link href={`/categories/${hit.category.slug}`}>{hit.category.name}</Link>
                </p>
                <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </li>
            ))}
          </ol>
          {results.pages > 1 && (
            <nav aria-label="Result pages" className="pagination">
              {results.page > 1 && <Link href={pageLink(results.page - 1)}>Previous page</Link>}
              <span>
                Page {results.page} of {results.pages}
              </span>
              {results.page < results.pages && <Link href={pageLink(results.page + 1)}>Next page</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function NoResults({ words }: { words: string[] }) {
  return (
    <div className="search-empty">
      <p role="status">
        No article mentions <strong>{words.join(" ")}</strong>.
      </p>
      <ul>
        <li>Check the spelling, or try fewer or more general words.</li>
        <li>
          Browse <Link href="/">the latest articles</Link> or our <Link href="/facts">“did you know” facts</Link>.
        </li>
      </ul>
    </div>
  );
}
