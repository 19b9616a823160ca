import { CopyButton } from "./copy-button";

/** One copy-and-paste snippet, shown as it must be pasted. */
export function EmbedCode({ id, label, code }: { id: string; label: string; code: string }) {
  return (
    <div className="embed-code">
      <p className="embed-code__label" id={id}>
        {label}
      </p>
      <pre className="embed-code__snippet" aria-labelledby={id}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={`Copy the ${label.toLowerCase()}`} />
    </div>
  );
}
