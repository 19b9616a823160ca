import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFact, getFactNeighbours } from "@/lib/facts/queries";
import { ArticleBody } from "@/components/articles/article-body";
import { PreviousNextLinks } from "@/components/site/previous-next-links";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const fact = await getFact((await params).slug);
  return { title: fact ? fact.title : "Fact not found" };
}

export default async function FactPage({ params }: Props) {
  const fact = await getFact((await params).slug);
  if (!fact) notFound();
  const { previous, next } = await getFactNeighbours(fact);
  const link = (neighbour: { slug: string; title: string } | null) =>
    neighbour && { href: `/facts/${neighbour.slug}`, text: neighbour.title };
  return (
    <article className="fact">
      <p className="article__category">
        <Link href="/facts">Did you know?</Link>
      </p>
      <h1>{fact.title}</h1>
      <p className="lead">{fact.summary}</p>
      <ArticleBody markdown={fact.body} />
      <PreviousNextLinks label="More facts" previous={link(previous)} next={link(next)} />
    </article>
  );
}
