import { useCallback, useState } from "react";

export type JsonAnswer<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; fields: Record<string, string[]> };

/**
 * The browser's side of Quire's JSON API: sends JSON, and turns any failure
 * (an error answer, or no answer at all) into a sentence to show.
 */
export async function requestJson<T>(url: string, method = "GET", body?: unknown): Promise<JsonAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: "We could not reach the site. Check your connection and try again.", fields: {} };
  }
  const data = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, data: data as T };
  return {
    ok: false,
    status: response.status,
    error: typeof data.error === "string" ? data.error : `Something went wrong (${response.status}). Please try again.`,
    fields: data.fields ?? {},
  };
}

export type JsonRequestState = { busy: boolean; error: string | null; fields: Record<string, string[]> };

/** A small form's request: whether it is under way, and the error of the last one. */
export function useJsonRequest() {
  const [state, setState] = useState<JsonRequestState>({ busy: false, error: null, fields: {} });
  const send = useCallback(async <T,>(url: string, method: string, body?: unknown): Promise<T | null> => {
    setState({ busy: true, error: null, fields: {} });
    const answer = await requestJson<T>(url, method, body);
    setState(answer.ok ? { busy: false, error: null, fields: {} } : { busy: false, error: answer.error, fields: answer.fields });
    return answer.ok ? answer.data : null;
  }, []);
  return [state, send] as const;
}
