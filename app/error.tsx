"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page not-found">
      <h1>Something went wrong</h1>
      <p>We could not show this page just now. Nothing you wrote has been lost.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
