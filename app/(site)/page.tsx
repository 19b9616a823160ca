import Link from "next/link";
import { listCategoriesWithCounts, listLatestArticles } from "@/lib/articles/queries";
import { ArticleCardList } from "@/components/articles/article-card";
import { Sidebar } from "@/components/sidebar/sidebar";

export default async function HomePage() {
  const [articles, categories] = await Promise.all([listLatestArticles(12), listCategoriesWithCounts()]);
  return (
    <div className="with-sidebar">
      <div>
        <h1 className="visually-hidden">Quire</h1>
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest articles</h2>
          <ArticleCardList articles={articles} />
        </section>
        <section aria-labelledby="categories-heading" className="category-list">
          <h2 id="categories-heading">Categories</h2>
          <ul>
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={`/categories/${category.slug}`}>{category.name}</Link>{" "}
                <span className="muted">
                  ({category.articleCount} article{category.articleCount === 1 ? "" : "s"})
                </span>
                <p>{category.description}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <Sidebar />
    </div>
  );
}
