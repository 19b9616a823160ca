"use client";
import { useCallback, useState } from "react";
import { z } from "zod";
import { IDLE, type FormState } from "@/lib/form-state";

export type JsonAnswer<T> =
  { ok: true; data: T } | { ok: false; status: number; error: string; fields: Record<string, string[]> };

/** Quire's one error shape (lib/http.ts errorResponse). */
const errorAnswerSchema = z.object({
  error: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});

const UNREACHABLE = "We could not reach the site. Check your connection and try again.";
const UNREADABLE = "The site sent an answer we could not read. Please reload the page and try again.";

/**
 * The browser's side of Quire's JSON API: sends JSON, checks the answer with
 * `answer` (never trusting its shape), and turns any failure (an error
 * answer, an unexpected one, or none at all) into a sentence to show.
 */
export async function requestJson<S extends z.ZodType>(
  url: string,
  answer: S,
  { method = "GET", body }: { method?: string; body?: unknown } = {},
): Promise<JsonAnswer<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: UNREACHABLE, fields: {} };
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = answer.safeParse(data);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, status: response.status, error: UNREADABLE, fields: {} };
  }
  const failure = errorAnswerSchema.safeParse(data);
  return failure.success
    ? { ok: false, status: response.status, error: failure.data.error, fields: failure.data.fields ?? {} }
    : { ok: false, status: response.status, error: `Something went wrong (${response.status}). Please try again.`, fields: {} };
}

/**
 * A small form's JSON request (edit, report, delete a post): its FormState,
 * whether it is under way, and `send`, which resolves to the done message
 * (`describe` words it from the answer), or null after a failure.
 */
export function useJsonRequest() {
  const [state, setState] = useState<FormState>(IDLE);
  const [pending, setPending] = useState(false);
  const send = useCallback(
    async <S extends z.ZodType>(
      url: string,
      request: { method: string; body?: unknown; answer: S },
      describe: (data: z.output<S>) => string,
    ): Promise<string | null> => {
      setPending(true);
      setState(IDLE);
      const answer = await requestJson(url, request.answer, request);
      setPending(false);
      if (!answer.ok) {
        setState({ status: "error", error: answer.error, fields: answer.fields, values: {} });
        return null;
      }
      const message = describe(answer.data);
      setState({ status: "done", message });
      return message;
    },
    [],
  );
  return { state, pending, send };
}
