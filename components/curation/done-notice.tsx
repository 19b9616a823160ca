const SENTENCES: Record<string, (what: string) => string> = {
  created: (what) => `${what} created.`,
  saved: (what) => `${what} saved.`,
  deleted: (what) => `${what} deleted.`,
};

/**
 * What the last change did, after the page it redirected to has loaded
 * (`?done=created|saved|deleted`). Only these fixed sentences are shown:
 * a query string anyone can craft never puts its own words on the page.
 */
export function DoneNotice({ done, what }: { done: string | string[] | undefined; what: string }) {
  const sentence = typeof done === "string" ? SENTENCES[done]?.(what) : undefined;
  if (!sentence) return null;
  return (
    <p className="form-success" role="status">
      {sentence}
    </p>
  );
}
