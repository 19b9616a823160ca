import type { Metadata } from "next";
import Link from "next/link";
import { listFacts } from "@/lib/facts/queries";

export const metadata: Metadata = { title: "Did you know?" };

export default async function FactsPage() {
  const facts = await listFacts();
  return (
    <>
      <h1>Did you know?</h1>
      <p className="lead">Small surprises from the world around us, each with the story behind it.</p>
      <ul className="fact-list">
        {facts.map((fact) => (
          <li key={fact.slug}>
            <h2>
              <Link href={`/facts/${fact.slug}`}>{fact.title}</Link>
            </h2>
            <p>{fact.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
