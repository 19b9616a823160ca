/*
 * React's reply format, the body of a server action call, as far as Quire's
 * forms use it: rows of JSON, row 0 the root, in which a string starting
 * with "$" is a code ("$$" an escaped "$", "$undefined", "$D<date>", ...) or
 * a reference to another row ("$1", "$@1", "$1:path") or to form fields
 * ("$K1"). React decodes it recursively and throws on a row that is not JSON,
 * a reference to a row that is missing, a bigint that is not one, or nesting
 * deeper than its stack, and Next answers those throws with a 500. Every
 * action in Quire takes (previous state, form), so anything its forms never
 * send (server references, streams, typed arrays, temporary references) is
 * refused here too, before React sees it.
 */

type Rows = (id: number) => string | undefined;

/** Deeper than any form state Quire renders, far shallower than a stack. */
const MAX_DEPTH = 32;
/** Values in all rows together; a form's state has a few dozen. */
const MAX_VALUES = 20_000;

/** Codes that stand for a value and name no row. */
const VALUE_CODE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|K[0-9a-f]+$|n-?\d{1,300}$)/;
/** A reference to row `id` ("$1", "$@1"), with an optional path into it ("$1:fields:name"). */
const ROW_REFERENCE = /^\$@?([0-9a-f]{1,8})((?::[^:]+)*)$/;

/** A Next-Action call: form fields, of which those named by a number are the rows. */
export function actionCallProblem(fields: [string, string][]): string | null {
  const rows = new Map(fields.filter(([name]) => /^\d+$/.test(name)));
  return replyProblem((id) => rows.get(String(id)), { rootIsArguments: true });
}

/**
 * A form posted without script: `$ACTION_REF_<n>` names a form's action, whose
 * rows are the fields `$ACTION_<n>:<row>` (row 0 says which action and its
 * bound arguments; React reads `$ACTION_ID_<id>` forms without rows).
 */
export function formActionProblem(fields: [string, string][]): string | null {
  const byPrefix = new Map<string, Map<string, string>>();
  for (const [name, value] of fields) {
    const row = /^(\$ACTION_\d+:)(\d+)$/.exec(name);
    if (!row) continue;
    if (!byPrefix.has(row[1]!)) byPrefix.set(row[1]!, new Map());
    byPrefix.get(row[1]!)!.set(row[2]!, value);
  }
  for (const [name] of fields) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(name);
    if (ref && !byPrefix.has(`$ACTION_${ref[1]}:`)) return "an action without its rows";
  }
  for (const rows of byPrefix.values()) {
    const problem = replyProblem((id) => rows.get(String(id)), { rootIsArguments: false });
    if (problem) return problem;
  }
  return null;
}

function replyProblem(rowText: Rows, { rootIsArguments }: { rootIsArguments: boolean }): string | null {
  const rows = new Map<number, unknown>();
  const toRead = [0];
  const paths: [number, string[]][] = [];
  let values = 0;
  while (toRead.length > 0) {
    const id = toRead.pop()!;
    if (rows.has(id)) continue;
    const text = rowText(id);
    if (text === undefined) return `row ${id} is missing`;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      return `row ${id} is not JSON`;
    }
    if (id === 0 && rootIsArguments && !Array.isArray(row)) return "the arguments are not a list";
    rows.set(id, row);
    const pending: [unknown, number][] = [[row, 0]];
    while (pending.length > 0) {
      const [value, depth] = pending.pop()!;
      if (++values > MAX_VALUES) return "too many values";
      if (depth > MAX_DEPTH) return "nested too deeply";
      if (typeof value === "string" && value.startsWith("$") && !VALUE_CODE.test(value)) {
        const reference = ROW_REFERENCE.exec(value);
        if (!reference) return `an unknown code ${value.slice(0, 3)}`;
        toRead.push(parseInt(reference[1]!, 16));
        if (reference[2]) paths.push([parseInt(reference[1]!, 16), reference[2].slice(1).split(":")]);
      } else if (value !== null && typeof value === "object") {
        for (const item of Object.values(value)) pending.push([item, depth + 1]);
      }
    }
  }
  for (const [id, path] of paths) {
    let target = rows.get(id);
    for (const key of path) {
      if (target === null || typeof target !== "object" || !Object.hasOwn(target, key)) return "a path to nothing";
      target = (target as Record<string, unknown>)[key];
      if (typeof target === "string" && target.startsWith("$")) return "a path through a reference";
    }
  }
  return null;
}
