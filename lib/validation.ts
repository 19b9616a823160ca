import type { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/** Every field error zod found, keyed by field name (not just the first). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses input with a schema, throwing a ValidationError that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(result.error));
  }
  return result.data;
}
