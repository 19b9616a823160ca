import { describe, expect, it } from "vitest";
import { actionCallProblem, formActionProblem } from "../../scripts/server/action-payload.mjs";

// What the production server lets through to Next as a server action call:
// everything Quire's forms send, with and without JavaScript, and none of
// the payloads that make React's decoder throw (a 500).

const ACTION = "7f8e971061ad2d46d000a8cd6ca2a54a134191f007";

/** A form as React renders it for a browser without script. */
const renderedForm = (state = '[{"status":"idle"}]'): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", JSON.stringify({ id: ACTION, bound: "$@1" })],
  ["$ACTION_1:1", state],
  ["$ACTION_KEY", "kda7118bbe3c73d4e1dfc56159221a5e4"],
  ["name", "A tag"],
];

describe("a form posted without JavaScript", () => {
  it("passes as React renders it, with an earlier answer as its state, and as a plain $ACTION_ID_ form", () => {
    expect(formActionProblem(renderedForm())).toBeNull();
    const answered = JSON.stringify([
      {
        status: "error",
        error: "Please correct the highlighted fields.",
        fields: { name: ["Give the tag a name."] },
        values: { name: "$$5" },
      },
    ]);
    expect(formActionProblem(renderedForm(answered))).toBeNull();
    expect(
      formActionProblem([
        [`$ACTION_ID_${ACTION}`, ""],
        ["name", "A tag"],
      ]),
    ).toBeNull();
  });

  it("is refused when a row is not JSON, is missing, nests too deep or names what Quire never sends", () => {
    expect(formActionProblem(renderedForm("garbage"))).toMatch(/not JSON/);
    expect(formActionProblem(renderedForm().filter(([name]) => name !== "$ACTION_1:1"))).toMatch(/missing/);
    expect(formActionProblem(renderedForm().filter(([name]) => !name.startsWith("$ACTION_1:")))).toMatch(/without its rows/);
    expect(formActionProblem(renderedForm("[".repeat(100) + "]".repeat(100)))).toMatch(/deeply/);
    for (const code of ['["$h1"]', '["$T"]', '["$Q1"]', '["$B1"]', '["$n12a"]', '["$R1"]']) {
      expect(formActionProblem(renderedForm(code)), code).not.toBeNull();
    }
    expect(formActionProblem(renderedForm('[{"a":"$1:nothing:here"}]'))).not.toBeNull();
  });
});

describe("a call from the page's script (Next-Action)", () => {
  it("passes as Chromium sends it: row 0 is the state and the form's fields", () => {
    const sent: [string, string][] = [
      ["_1_$ACTION_REF_1", ""],
      ["_1_$ACTION_1:0", JSON.stringify({ id: ACTION, bound: "$@1" })],
      ["_1_$ACTION_1:1", '[{"status":"idle"}]'],
      ["_1_name", "captured tag"],
      ["0", '[{"status":"idle"},"$K1"]'],
    ];
    expect(actionCallProblem(sent)).toBeNull();
    expect(
      actionCallProblem([["0", '[{"status":"done","message":"Saved.","at":"$D2026-12-03T10:00:00.000Z"},"$K1"]']]),
    ).toBeNull();
  });

  it("is refused unless row 0 is a list of arguments whose references all lead somewhere", () => {
    expect(actionCallProblem([["0", "garbage"]])).toMatch(/not JSON/);
    expect(actionCallProblem([["0", '{"a":1}']])).toMatch(/not a list/);
    expect(actionCallProblem([["0", '["$@1"]']])).toMatch(/missing/);
    expect(actionCallProblem([])).toMatch(/missing/);
    expect(actionCallProblem([["0", JSON.stringify(Array.from({ length: 30_000 }, () => 1))]])).toMatch(/too many/);
  });
});
