import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/**
 * Zod's own wording ("Invalid input: expected string, received number") is
 * for developers. Where a schema gives no message of its own, a person reads
 * one of these instead, on the server and in the browser alike: every schema
 * module imports this one, so this runs before any of them parses.
 */
z.config({ customError: plainMessage });

const count = (n: number | bigint) => n.toLocaleString("en-US");

function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      if (issue.expected === "object" && issue.path?.length === 0) return "Send a JSON object with the documented fields.";
      return `Send this as ${TYPE_WORDS[issue.expected] ?? "the documented kind of value"}.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${count(issue.maximum)} characters.`;
      if (issue.origin === "array") return `Send at most ${count(issue.maximum)} items.`;
      return `Use a number no larger than ${count(issue.maximum)}.`;
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1 ? "Fill in this field." : `Use at least ${count(issue.minimum)} characters.`;
      if (issue.origin === "array") return `Send at least ${count(issue.minimum)} items.`;
      return `Use a number no smaller than ${count(issue.minimum)}.`;
    case "invalid_value":
      return `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "invalid_union":
      return "Send this as the documented kind of value.";
    case "invalid_format":
      return "This is not in the expected format.";
    case "unrecognized_keys":
      return `These fields cannot be set: ${issue.keys.join(", ")}. Send only the documented fields.`;
    default:
      return undefined;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object with the documented fields",
  array: "a list",
  null: "null",
};

/** Every field error zod found, keyed by field name (not just the first). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * A whole number as a path or a form sends it ("42") or as JSON does (42):
 * decimal digits only, so that "0x10", "1e3" or "4.0" name no record rather
 * than some other one. `schema` says which numbers count, in its own words.
 */
export function wholeNumber(schema: z.ZodNumber) {
  return z.preprocess((value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value), schema);
}

/** The largest id a record can have: the range of the schema's Int columns, whichever database. */
export const MAX_ID = 2_147_483_647;

/** A record's id: a whole number from 1, refused with `message`. */
export function recordId(message: string) {
  return wholeNumber(z.number({ error: message }).int(message).positive(message).max(MAX_ID, message));
}

/** Parses input with a schema, throwing a ValidationError that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(result.error));
  }
  return result.data;
}

/**
 * C0 control characters other than tab and newlines, and DEL. Nobody types
 * them, and NUL in particular truncates text in some tools.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** With the u flag, only a surrogate that is not half of a pair matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Enough to show a person what to fix; a body of a million bad strings gets no longer answer. */
const MAX_REPORTED_FIELDS = 20;

function textProblem(text: string): string | null {
  if (CONTROL_CHARACTERS.test(text)) return "Remove the invisible control characters (such as NUL) from this text.";
  // A lone UTF-16 surrogate ("\ud800" in JSON) is no character at all; SQLite would store a replacement mark.
  if (LONE_SURROGATE.test(text)) return "This text contains a broken character. Type it again.";
  return null;
}

/**
 * Refuses input that carries, in any string at any depth, text no person
 * writes: every JSON body and every form is checked here before its schema,
 * so no field of any form can store it. Walks without recursion: a body may
 * nest thousands of levels deep.
 */
export function assertPlainText(input: unknown): void {
  const fields: FieldErrors = {};
  let reported = 0;
  const pending: [unknown, string][] = [[input, ""]];
  while (pending.length > 0 && reported < MAX_REPORTED_FIELDS) {
    const [value, path] = pending.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) {
        (fields[path || "_form"] ??= []).push(problem);
        reported++;
      }
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) pending.push([item, path ? `${path}.${key}` : key]);
    }
  }
  if (reported > 0) throw new ValidationError("Some of the text sent contains characters that cannot be saved.", fields);
}
