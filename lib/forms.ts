import "server-only";
import { DomainError, ServiceBusy, isDatabaseBusy, type FieldErrors } from "@/lib/errors";

/** What a form shows after a failed server action: one sentence, and every field's problems. */
export type FormError = { error: string; fields: FieldErrors };

/**
 * A server action's answer to its form (useActionState): nothing yet, a
 * failure with the person's input to put back, or a done message.
 */
export type FormState<Values> =
  | { status: "idle" }
  | ({ status: "error"; values: Values } & FormError)
  | { status: "done"; message: string };

/**
 * Maps an error from lib/ to what a server action's form shows, as lib/http.ts
 * errorResponse does for route handlers. Unknown errors are logged, never shown.
 * Never pass Next's redirect or notFound "errors" here: call those outside the try.
 */
export function formError(error: unknown): FormError {
  const known = isDatabaseBusy(error) ? new ServiceBusy() : error;
  if (known instanceof DomainError) {
    return { error: known.message, fields: "fields" in known ? (known.fields as FieldErrors) : {} };
  }
  console.error("Unexpected error in server action:", error);
  return { error: "Something went wrong on our side. Please try again.", fields: {} };
}
