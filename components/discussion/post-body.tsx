import { segmentParagraph, splitParagraphs } from "@/lib/discussion/mentions";

/**
 * A reader's post as plain text: paragraphs kept, URLs and @mentions linked.
 * Every piece goes through React's escaping; no HTML from readers is ever used.
 */
export function PostBody({ body, mentionTargets }: { body: string; mentionTargets: ReadonlyMap<string, number> }) {
  return (
    <div className="post__body">
      {splitParagraphs(body).map((paragraph, index) => (
        <p key={index}>
          {segmentParagraph(paragraph, mentionTargets).map((segment, i) => {
            switch (segment.kind) {
              case "link":
                return (
                  <a key={i} href={segment.href} rel="nofollow ugc noopener" target="_blank">
                    {segment.text}
                  </a>
                );
              case "mention":
                return (
                  <a key={i} href={`#post-${segment.postNumber}`} className="mention" title={`Post ${segment.postNumber}`}>
                    {segment.text}
                  </a>
                );
              default:
                return <TextWithBreaks key={i} text={segment.text} />;
            }
          })}
        </p>
      ))}
    </div>
  );
}

function TextWithBreaks({ text }: { text: string }) {
  const lines = text.split("\n");
  return lines.map((line, i) => (
    <span key={i}>
      {line}
      {i < lines.length - 1 && <br />}
    </span>
  ));
}
