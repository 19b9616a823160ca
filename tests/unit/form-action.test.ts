import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { Conflict } from "@/lib/errors";
import { SCRIPT_FIELD, type FormState } from "@/lib/form-state";

// Server actions read the session cookie through next/headers, which needs a
// request; here the signed-in user is whoever the test says.
const currentUser = vi.hoisted(() => ({ value: null as null | { id: number; username: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => currentUser.value }));

const { formAction } = await import("@/lib/forms");

const signupLike = z.object({
  username: z
    .string()
    .min(3, "Use at least 3 characters")
    .regex(/^[a-z]+$/, "Use only letters a–z"),
  email: z.email("Enter a valid email address"),
  password: z.string().min(10, "Use at least 10 characters"),
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const idle: FormState = { status: "idle" };

beforeEach(() => {
  currentUser.value = null;
});

describe("a server action made with formAction", () => {
  it("reports every problem the schema finds, for every field, and never runs the job", async () => {
    const job = vi.fn(async () => ({ message: "done" }));
    const action = formAction(signupLike, job);
    const state = await action(idle, form({ username: "A!", email: "nope", password: "short" }));
    expect(state).toMatchObject({
      status: "error",
      error: "Please correct the highlighted fields.",
      fields: {
        username: ["Use at least 3 characters", "Use only letters a–z"],
        email: ["Enter a valid email address"],
        password: ["Use at least 10 characters"],
      },
    });
    expect(job).not.toHaveBeenCalled();
  });

  it("gives back what was typed, but never a password, a token or a key", async () => {
    const action = formAction(z.object({ username: z.string().min(50, "Too short") }), async () => ({ message: "done" }));
    const typed = {
      username: "reader",
      password: "my secret passphrase",
      newPassword: "another secret",
      token: "reset-token",
      key: "unsubscribe-key",
      $ACTION_KEY: "k123",
      [SCRIPT_FIELD]: "1",
    };
    const state = await action(idle, form(typed));
    expect(state.status).toBe("error");
    expect(state.status === "error" && state.values).toEqual({ username: "reader" });
    expect(JSON.stringify(state)).not.toMatch(/secret|reset-token|unsubscribe-key/);
  });

  it("answers a domain error with its sentence and fields, and an unexpected one with a sentence that tells nothing", async () => {
    const taken = formAction(z.object({}), async () => {
      throw new Conflict("Please choose a different username.", { username: ["That username is taken."] });
    });
    expect(await taken(idle, form({}))).toMatchObject({
      status: "error",
      error: "Please choose a different username.",
      fields: { username: ["That username is taken."] },
    });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = formAction(z.object({}), async () => {
      throw new Error("connect ECONNREFUSED /var/lib/quire.db");
    });
    const state = await broken(idle, form({}));
    expect(state).toMatchObject({ status: "error", error: "Something went wrong on our side. Please try again.", fields: {} });
    expect(JSON.stringify(state)).not.toContain("ECONNREFUSED");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("hands the job the parsed input and the signed-in user", async () => {
    currentUser.value = { id: 7, username: "reader" };
    const job = vi.fn(async (input: { name: string }, { actor }: { actor: unknown }) => ({
      message: `${input.name} by ${JSON.stringify(actor)}`,
    }));
    const action = formAction(z.object({ name: z.string().trim() }), job);
    expect(await action(idle, form({ name: "  Ada  " }))).toEqual({
      status: "done",
      message: 'Ada by {"id":7,"username":"reader"}',
    });
  });

  it("redirects a browser without script to the next page, and answers a page with script in place", async () => {
    const action = formAction(z.object({}), async () => ({ message: "You are logged in.", redirectTo: "/articles/x" }));
    const withoutScript = await action(idle, form({})).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isRedirectError(withoutScript)).toBe(true);
    expect(String((withoutScript as { digest: string }).digest)).toContain("/articles/x");
    expect(await action(idle, form({ [SCRIPT_FIELD]: "1" }))).toEqual({
      status: "done",
      message: "You are logged in.",
      redirectTo: "/articles/x",
    });
  });

  it("lets a job's own redirect() through instead of reporting it as an error", async () => {
    const { redirect } = await import("next/navigation");
    const action = formAction(z.object({}), async () => redirect("/articles/x#post-3"));
    await expect(action(idle, form({ [SCRIPT_FIELD]: "1" }))).rejects.toSatisfy(isRedirectError);
  });

  it("takes a reader function in place of a schema, whose ValidationError is reported like the schema's", async () => {
    const { ValidationError } = await import("@/lib/errors");
    const action = formAction(
      () => {
        throw new ValidationError("Please correct the highlighted fields.", { linkLimit: ["Enter a whole number."] });
      },
      async () => ({ message: "done" }),
    );
    expect(await action(idle, form({ linkLimit: "many" }))).toEqual({
      status: "error",
      error: "Please correct the highlighted fields.",
      fields: { linkLimit: ["Enter a whole number."] },
      values: { linkLimit: "many" },
    });
  });
});
