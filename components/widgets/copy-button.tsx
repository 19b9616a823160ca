"use client";
import { useEffect, useState } from "react";

/**
 * Copies a snippet to the clipboard. Only drawn once the page's script runs:
 * without JavaScript the snippet is still there to select and copy by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState("");
  useEffect(() => setRunning(true), []);
  if (!running) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied.");
    } catch {
      // The clipboard needs a secure page and the reader's permission.
      setStatus("Your browser would not copy it: select the code and copy it with Ctrl+C (⌘+C).");
    }
  };
  return (
    <p className="embed-code__copy">
      <button type="button" className="button button--secondary" onClick={copy}>
        {label}
      </button>{" "}
      <span role="status">{status}</span>
    </p>
  );
}
