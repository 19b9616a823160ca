"use client";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { requestJson } from "@/components/site/request-json";

const MAX_MB = 10;
const uploadAnswer = z.object({ image: z.object({ markdown: z.string(), url: z.string() }) });

/**
 * Pictures for an article: choose one (or drop it here), describe it, and it
 * is uploaded, re-encoded by the server and inserted into the text as
 * Markdown. It lives inside the article's form but sends nothing with it (no
 * field names, a plain button): the upload is its own JSON request. It needs
 * JavaScript; the article form itself does not.
 */
export function ImageUpload({ articleId, onInserted }: { articleId?: number; onInserted: (markdown: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setMessage(
      chosen.size > MAX_MB * 1024 * 1024
        ? {
            kind: "error",
            text: `That file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; a picture may be at most ${MAX_MB} MB.`,
          }
        : null,
    );
  }

  async function upload() {
    if (!file) return setMessage({ kind: "error", text: "Choose a picture first (or drop one here)." });
    if (alt.trim().length < 3) {
      return setMessage({
        kind: "error",
        text: "Describe the picture in the alt text first: readers who cannot see it depend on it.",
      });
    }
    setPending(true);
    setMessage(null);
    const data = await readAsBase64(file).catch(() => null);
    if (data === null) {
      setPending(false);
      return setMessage({ kind: "error", text: "That file could not be read. Choose it again." });
    }
    const answer = await requestJson("/api/admin/images", uploadAnswer, {
      method: "POST",
      body: { alt: alt.trim(), data, ...(articleId ? { articleId } : {}) },
    });
    setPending(false);
    if (!answer.ok) {
      return setMessage({ kind: "error", text: answer.fields.data?.[0] ?? answer.fields.alt?.[0] ?? answer.error });
    }
    onInserted(answer.data.image.markdown);
    setMessage({ kind: "done", text: `Inserted “${alt.trim()}” into the text.` });
    setFile(null);
    setAlt("");
    if (fileInput.current) fileInput.current.value = "";
  }

  return (
    <fieldset
      className={`image-upload${dragging ? " image-upload--dragging" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        choose(event.dataTransfer.files[0]);
      }}
    >
      <legend>Add a picture</legend>
      <p className="hint">
        Drop a JPEG, PNG, WebP or GIF here (at most {MAX_MB} MB), or choose one. It is resized for every screen and its camera
        data (location, device) removed.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>Choose a picture</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          onChange={(event) => choose(event.target.files?.[0])}
        />
        {file && <p className="hint">Chosen: {file.name}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-alt`}>Alt text (what the picture shows, for readers who cannot see it)</label>
        <input id={`${id}-alt`} type="text" maxLength={300} value={alt} onChange={(event) => setAlt(event.target.value)} />
      </div>
      <button type="button" onClick={upload} disabled={pending}>
        {pending ? "Uploading…" : "Upload and insert"}
      </button>
      <div aria-live="polite">
        {message && (
          <p
            className={message.kind === "error" ? "form-error" : "form-success"}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </p>
        )}
      </div>
    </fieldset>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
