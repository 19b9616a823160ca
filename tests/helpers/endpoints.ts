import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { forgotPasswordSchema, resetPasswordSchema, signupSchema, userChangeSchema } from "@/lib/accounts/schema";
import { categoryFieldsSchema } from "@/lib/categories/schema";
import { editCommentSchema, newCommentSchema, reportSchema } from "@/lib/discussion/schema";
import {
  articleFieldsSchema,
  autosaveSchema,
  previewSchema,
  restoreRevisionSchema,
  saveArticleSchema,
} from "@/lib/editorial/schema";
import { factFieldsSchema } from "@/lib/facts/schema";
import { historyEventFieldsSchema } from "@/lib/history/schema";
import { imageUploadSchema, MAX_IMAGE_JSON_BYTES } from "@/lib/media/schema";
import { POST_ACTIONS, postActionRequestSchema } from "@/lib/moderation/schema";
import { tagFieldsSchema } from "@/lib/tags/schema";
import { ROOT } from "./paths";
import type { FormSelector } from "./server-forms";
import { token, type Fixtures, type TestRole, type Workbench } from "./workbench";

/*
 * Every route handler, privileged page and server action of app/, with who may
 * use it and how to make one real request to it: the one table that
 * tests/e2e/authorization-matrix.test.ts and tests/e2e/bad-input.test.ts both
 * go through. A new route.ts, actions.ts export or back-office page fails
 * `unlistedEndpoints()` until it is added here.
 */

/** Who may: anyone; anyone signed in (their own data); only the post's author (the demo reader); or a duty, which admins hold too. */
export type Access = "anyone" | "member" | "owner" | "editor" | "moderator" | "admin";

export function mayAct(access: Access, role: TestRole): boolean {
  if (access === "anyone") return true;
  if (access === "member") return role !== "guest";
  if (access === "owner") return role === "reader";
  if (role === "guest" || role === "reader") return false;
  return role === "admin" || role === access;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Where one request acts: its path, its body, and what it would change. */
export type Try = { path: string; body?: Record<string, unknown>; target?: () => Promise<unknown> };

export type RouteMethod = {
  access: Access;
  /** A valid JSON body, for a method that reads one. */
  body?: (f: Fixtures) => Record<string, unknown>;
  /** The schema the route checks the body with: what the fuzzer's answers must agree with. */
  schema?: z.ZodType;
  /** The largest body it takes, if not lib/http.ts's MAX_JSON_BYTES. */
  maxBytes?: number;
  /** What a refused request must leave as it was, beyond the row counts. */
  target?: (w: Workbench) => Promise<unknown>;
  /** A target of its own for each try: a successful try changes it for good. */
  fresh?: (w: Workbench) => Promise<Try>;
  /** Body fields read afresh before each request (the revision a save must name). */
  live?: (w: Workbench) => Promise<Record<string, unknown>>;
  /** Its own path, when not the entry's. */
  at?: (f: Fixtures) => string;
  /** Removes what an accepted request made, given its answer. */
  undo?: (w: Workbench, answer: Record<string, unknown>) => Promise<void>;
};

export type RouteEntry = {
  file: string;
  path: (f: Fixtures) => string;
  methods: Partial<Record<Method, RouteMethod>>;
};

const MB = 1024 * 1024;
const anyone: RouteMethod = { access: "anyone" };
const editorRead: RouteMethod = { access: "editor" };
const row = (find: () => Promise<unknown>) => find;

/** A create's answer names the new row under `key`; the workbench removes it with the rest. */
const removeCreated =
  (kind: "tags" | "categories" | "facts" | "events", key: string) => async (w: Workbench, answer: Record<string, unknown>) =>
    w.remember(kind, (answer[key] as { id: number }).id);

export const ROUTES: RouteEntry[] = [
  {
    file: "app/(site)/categories/[slug]/atom.xml/route.ts",
    path: (f) => `/categories/${f.category.slug}/atom.xml`,
    methods: { GET: anyone },
  },
  {
    file: "app/(site)/categories/[slug]/feed.xml/route.ts",
    path: (f) => `/categories/${f.category.slug}/feed.xml`,
    methods: { GET: anyone },
  },
  { file: "app/a/[id]/route.ts", path: (f) => `/a/${f.thread.id}`, methods: { GET: anyone } },
  {
    file: "app/api/account/forgot/route.ts",
    path: () => "/api/account/forgot",
    methods: {
      POST: { access: "anyone", body: () => ({ email: `nobody-${token()}@example.com` }), schema: forgotPasswordSchema },
    },
  },
  { file: "app/api/account/me/route.ts", path: () => "/api/account/me", methods: { GET: anyone } },
  // Each signed-in role downloads its own data; a guest has none.
  { file: "app/api/account/data/route.ts", path: () => "/api/account/data", methods: { GET: { access: "member" } } },
  {
    file: "app/api/account/confirm/route.ts",
    path: () => "/api/account/confirm",
    methods: { POST: { access: "anyone", body: () => ({ token: `no-such-token-${token()}-${token()}` }) } },
  },
  { file: "app/api/admin/export/route.ts", path: () => "/api/admin/export?format=json", methods: { GET: { access: "admin" } } },
  {
    file: "app/api/articles/[slug]/subscription/route.ts",
    path: (f) => `/api/articles/${f.thread.slug}/subscription`,
    methods: { GET: anyone },
  },
  {
    file: "app/api/subscriptions/unsubscribe/[key]/route.ts",
    // Nobody's key: a real one would end someone's subscription.
    path: () => `/api/subscriptions/unsubscribe/unknown-key-${token()}-${token()}`,
    methods: { GET: anyone, POST: anyone },
  },
  {
    file: "app/api/account/mentions/unsubscribe/[key]/route.ts",
    // Not a member's key: a valid one would turn their emails off.
    path: () => `/api/account/mentions/unsubscribe/unknown-key-${token()}-${token()}`,
    methods: { GET: anyone, POST: anyone },
  },
  {
    file: "app/api/account/reset/route.ts",
    path: () => "/api/account/reset",
    methods: {
      POST: {
        access: "anyone",
        body: () => ({ token: `no-such-token-${token()}`, password: "a long new password 2026" }),
        schema: resetPasswordSchema,
      },
    },
  },
  {
    file: "app/api/account/signup/route.ts",
    path: () => "/api/account/signup",
    methods: {
      POST: {
        access: "anyone",
        body: () => ({ username: `new_${token()}`, email: `new-${token()}@example.com`, password: "a long new password 2026" }),
        schema: signupSchema,
        // An accepted sign-up answers at once and writes its pending sign-up and email afterwards
        // (so its timing says nothing): let that finish, then remove both.
        undo: async (w) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await w.db.pendingSignup.deleteMany({ where: { email: { startsWith: "new-" } } });
          await w.db.outboxMessage.deleteMany({ where: { to: { startsWith: "new-" }, kind: "signup-confirm" } });
        },
      },
    },
  },
  {
    file: "app/api/admin/articles/[id]/autosave/route.ts",
    path: (f) => `/api/admin/articles/${f.draft.id}/autosave`,
    methods: {
      PUT: {
        access: "editor",
        body: (f) => ({ baseRevision: f.draft.revision, draft: { title: "Kept", summary: "Kept", body: `Unsaved ${token()}` } }),
        schema: autosaveSchema.omit({ articleId: true }),
        maxBytes: MB,
        target: (w) => w.db.articleAutosave.findMany({ where: { articleId: w.fixtures.draft.id }, orderBy: { userId: "asc" } }),
      },
    },
  },
  {
    file: "app/api/admin/articles/[id]/restore/route.ts",
    path: (f) => `/api/admin/articles/${f.draft.id}/restore`,
    methods: {
      POST: {
        access: "editor",
        body: () => ({}),
        fresh: async (w) => {
          const { id } = await w.binned();
          return { path: `/api/admin/articles/${id}/restore`, target: row(() => w.db.article.findUnique({ where: { id } })) };
        },
      },
    },
  },
  {
    file: "app/api/admin/articles/[id]/revisions/[number]/restore/route.ts",
    path: (f) => `/api/admin/articles/${f.draft.id}/revisions/1/restore`,
    methods: {
      POST: {
        access: "editor",
        body: (f) => ({ baseRevision: f.draft.revision }),
        schema: restoreRevisionSchema.pick({ baseRevision: true }),
        fresh: async (w) => {
          const { id, revision } = await w.revised();
          return {
            path: `/api/admin/articles/${id}/revisions/1/restore`,
            body: { baseRevision: revision },
            target: row(() => w.db.article.findUnique({ where: { id } })),
          };
        },
      },
    },
  },
  {
    file: "app/api/admin/articles/[id]/revisions/route.ts",
    path: (f) => `/api/admin/articles/${f.draft.id}/revisions`,
    methods: { GET: editorRead },
  },
  {
    file: "app/api/admin/articles/[id]/route.ts",
    path: (f) => `/api/admin/articles/${f.draft.id}`,
    methods: {
      GET: editorRead,
      PUT: {
        access: "editor",
        body: (f) => ({
          title: `A saved title ${token()}`,
          summary: "What the article is about.",
          body: "The article's text.",
          categoryId: f.category.id,
          authorId: f.editorId,
          baseRevision: f.draft.revision,
        }),
        schema: saveArticleSchema.omit({ articleId: true }),
        maxBytes: MB,
        target: (w) => w.db.article.findUnique({ where: { id: w.fixtures.draft.id } }),
        live: async (w) => ({
          baseRevision: (await w.db.article.findUniqueOrThrow({ where: { id: w.fixtures.draft.id } })).revision,
        }),
      },
      DELETE: {
        access: "editor",
        fresh: async (w) => {
          const { id } = await w.draft();
          return { path: `/api/admin/articles/${id}`, target: row(() => w.db.article.findUnique({ where: { id } })) };
        },
      },
    },
  },
  {
    file: "app/api/admin/articles/route.ts",
    path: () => "/api/admin/articles",
    methods: {
      GET: editorRead,
      POST: {
        access: "editor",
        body: (f) => ({
          title: `A new article ${token()}`,
          summary: "What it is about.",
          body: "Its text.",
          categoryId: f.category.id,
          authorId: f.editorId,
        }),
        schema: articleFieldsSchema,
        maxBytes: MB,
        undo: async (w, answer) => w.remember("articles", (answer.article as { id: number }).id),
      },
    },
  },
  ...curation(
    "categories",
    "category",
    categoryFieldsSchema,
    (f) => f.category.id,
    () => ({ name: `Category ${token()}` }),
    (w, id) => w.db.category.findUnique({ where: { id } }),
  ),
  ...curation(
    "facts",
    "fact",
    factFieldsSchema,
    (f) => f.fact.id,
    () => ({ title: `A fact ${token()}`, summary: "Something true.", body: "The longer story." }),
    (w, id) => w.db.fact.findUnique({ where: { id } }),
  ),
  ...curation(
    "history",
    "event",
    historyEventFieldsSchema,
    (f) => f.event.id,
    () => ({ month: 3, day: 4, year: 1902, title: `An event ${token()}`, text: "What happened." }),
    (w, id) => w.db.historyEvent.findUnique({ where: { id } }),
  ),
  ...curation(
    "tags",
    "tag",
    tagFieldsSchema,
    (f) => f.tag.id,
    () => ({ name: `tag ${token()}` }),
    (w, id) => w.db.tag.findUnique({ where: { id } }),
  ),
  {
    file: "app/api/admin/images/route.ts",
    path: () => "/api/admin/images",
    methods: {
      POST: {
        access: "editor",
        body: (f) => ({ alt: "A small green square", data: f.picture, articleId: f.draft.id }),
        schema: imageUploadSchema,
        maxBytes: MAX_IMAGE_JSON_BYTES,
        undo: async (w, answer) => {
          const image = await w.db.image.findUnique({ where: { key: (answer.image as { key: string }).key } });
          if (image) w.remember("images", image.id);
        },
      },
    },
  },
  {
    file: "app/api/admin/preview/route.ts",
    path: () => "/api/admin/preview",
    methods: {
      POST: { access: "editor", body: () => ({ body: "## A heading\n\nSome **text**." }), schema: previewSchema, maxBytes: MB },
    },
  },
  {
    file: "app/api/admin/users/[id]/route.ts",
    path: (f) => `/api/admin/users/${f.member.id}`,
    methods: {
      GET: { access: "admin" },
      PATCH: {
        access: "admin",
        body: () => ({ role: "MODERATOR" }),
        schema: userChangeSchema,
        target: (w) => w.db.user.findUnique({ where: { id: w.fixtures.member.id } }),
        fresh: async (w) => {
          const { id } = await w.member();
          return { path: `/api/admin/users/${id}`, target: row(() => w.db.user.findUnique({ where: { id } })) };
        },
      },
    },
  },
  { file: "app/api/admin/users/route.ts", path: () => "/api/admin/users", methods: { GET: { access: "admin" } } },
  {
    file: "app/api/articles/[slug]/comments/mine/route.ts",
    path: (f) => `/api/articles/${f.thread.slug}/comments/mine`,
    methods: { GET: anyone },
  },
  {
    file: "app/api/articles/[slug]/comments/route.ts",
    path: (f) => `/api/articles/${f.thread.slug}/comments`,
    methods: {
      GET: anyone,
      // Posts land on the file's own thread and go with it.
      POST: { access: "anyone", body: () => ({ body: `A comment ${token()}` }), schema: newCommentSchema },
    },
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    path: () => "/api/auth/csrf",
    methods: { GET: anyone, POST: { access: "anyone", at: () => "/api/auth/callback/credentials" } },
  },
  {
    file: "app/api/comments/[id]/reports/route.ts",
    path: (f) => `/api/comments/${f.visiblePost.id}/reports`,
    methods: {
      POST: {
        access: "anyone",
        body: () => ({ reason: "This post looks like spam to me." }),
        schema: reportSchema,
        undo: async (w, answer) => {
          await w.db.report.deleteMany({ where: { id: answer.id as number } });
        },
      },
    },
  },
  {
    file: "app/api/comments/[id]/route.ts",
    path: (f) => `/api/comments/${f.readerPost.id}`,
    methods: {
      PATCH: {
        access: "owner",
        body: () => ({ body: `The reader's words, edited ${token()}` }),
        schema: editCommentSchema,
        target: (w) => w.db.comment.findUnique({ where: { id: w.fixtures.readerPost.id } }),
      },
      DELETE: {
        access: "owner",
        fresh: async (w) => {
          const id = await w.pendingPost(w.fixtures.readerId);
          return { path: `/api/comments/${id}`, target: row(() => w.db.comment.findUnique({ where: { id } })) };
        },
      },
    },
  },
  {
    file: "app/api/moderation/comments/[id]/route.ts",
    path: (f) => `/api/moderation/comments/${f.readerPost.id}`,
    methods: {
      POST: {
        access: "moderator",
        body: () => ({ action: "approve" }),
        schema: postActionRequestSchema,
        fresh: async (w) => {
          const id = await w.pendingPost();
          return { path: `/api/moderation/comments/${id}`, target: row(() => w.db.comment.findUnique({ where: { id } })) };
        },
      },
    },
  },
  { file: "app/api/moderation/count/route.ts", path: () => "/api/moderation/count", methods: { GET: { access: "moderator" } } },
  { file: "app/api/moderation/queue/route.ts", path: () => "/api/moderation/queue", methods: { GET: { access: "moderator" } } },
  {
    file: "app/articles/[slug]/discussion/atom.xml/route.ts",
    path: (f) => `/articles/${f.thread.slug}/discussion/atom.xml`,
    methods: { GET: anyone },
  },
  {
    file: "app/articles/[slug]/discussion/feed.xml/route.ts",
    path: (f) => `/articles/${f.thread.slug}/discussion/feed.xml`,
    methods: { GET: anyone },
  },
  { file: "app/atom.xml/route.ts", path: () => "/atom.xml", methods: { GET: anyone } },
  { file: "app/embed.js/route.ts", path: () => "/embed.js", methods: { GET: anyone } },
  { file: "app/embed/fact/route.ts", path: () => "/embed/fact", methods: { GET: anyone } },
  { file: "app/embed/history/route.ts", path: () => "/embed/history", methods: { GET: anyone } },
  { file: "app/embed/latest/route.ts", path: (f) => `/embed/latest?category=${f.category.slug}`, methods: { GET: anyone } },
  { file: "app/feed.xml/route.ts", path: () => "/feed.xml", methods: { GET: anyone } },
  { file: "app/media/[key]/[file]/route.ts", path: () => "/media/no-such-key/480.webp", methods: { GET: anyone } },
  { file: "app/sitemap.xml/route.ts", path: () => "/sitemap.xml", methods: { GET: anyone } },
  { file: "app/sitemaps/[part]/route.ts", path: () => "/sitemaps/1.xml", methods: { GET: anyone } },
];

/** The four back-office collections: list and create, then read, change and delete one. */
function curation(
  collection: "categories" | "facts" | "history" | "tags",
  key: string,
  schema: z.ZodType,
  fixtureId: (f: Fixtures) => number,
  fields: () => Record<string, unknown>,
  find: (w: Workbench, id: number) => Promise<unknown>,
): RouteEntry[] {
  const make = async (w: Workbench): Promise<number> => {
    if (collection === "categories") return (await w.category()).id;
    if (collection === "facts") return (await w.fact()).id;
    if (collection === "history") return w.event();
    return w.tag();
  };
  return [
    {
      file: `app/api/admin/${collection}/[id]/route.ts`,
      path: (f) => `/api/admin/${collection}/${fixtureId(f)}`,
      methods: {
        GET: editorRead,
        PUT: { access: "editor", body: fields, schema, target: (w) => find(w, fixtureId(w.fixtures)) },
        DELETE: {
          access: "editor",
          fresh: async (w) => {
            const id = await make(w);
            return { path: `/api/admin/${collection}/${id}`, target: () => find(w, id) };
          },
        },
      },
    },
    {
      file: `app/api/admin/${collection}/route.ts`,
      path: () => `/api/admin/${collection}${collection === "history" ? "?month=3&day=4" : ""}`,
      methods: {
        GET: editorRead,
        POST: {
          access: "editor",
          body: fields,
          schema,
          undo: removeCreated(collection === "history" ? "events" : collection, key),
        },
      },
    },
  ];
}

/* ---------------------------------------------------------------- pages */

export type PageEntry = { file: string; access: Access; path: (f: Fixtures) => string };

/** Every page of the back office and of moderation. The rest of the site is public. */
export const PRIVILEGED_PAGES: PageEntry[] = [
  { file: "app/(site)/admin/page.tsx", access: "editor", path: () => "/admin" },
  { file: "app/(site)/admin/articles/new/page.tsx", access: "editor", path: () => "/admin/articles/new" },
  { file: "app/(site)/admin/articles/[id]/page.tsx", access: "editor", path: (f) => `/admin/articles/${f.draft.id}` },
  {
    file: "app/(site)/admin/articles/[id]/preview/page.tsx",
    access: "editor",
    path: (f) => `/admin/articles/${f.draft.id}/preview`,
  },
  {
    file: "app/(site)/admin/articles/[id]/revisions/page.tsx",
    access: "editor",
    path: (f) => `/admin/articles/${f.draft.id}/revisions?from=1&to=2`,
  },
  { file: "app/(site)/admin/categories/page.tsx", access: "editor", path: () => "/admin/categories" },
  { file: "app/(site)/admin/categories/[id]/page.tsx", access: "editor", path: (f) => `/admin/categories/${f.category.id}` },
  { file: "app/(site)/admin/facts/page.tsx", access: "editor", path: () => "/admin/facts" },
  { file: "app/(site)/admin/facts/new/page.tsx", access: "editor", path: () => "/admin/facts/new" },
  { file: "app/(site)/admin/facts/[id]/page.tsx", access: "editor", path: (f) => `/admin/facts/${f.fact.id}` },
  { file: "app/(site)/admin/history/page.tsx", access: "editor", path: () => "/admin/history?month=3&day=4" },
  { file: "app/(site)/admin/history/[id]/page.tsx", access: "editor", path: (f) => `/admin/history/${f.event.id}` },
  { file: "app/(site)/admin/log/page.tsx", access: "editor", path: () => "/admin/log" },
  { file: "app/(site)/admin/tags/page.tsx", access: "editor", path: () => "/admin/tags" },
  { file: "app/(site)/admin/tags/[id]/page.tsx", access: "editor", path: (f) => `/admin/tags/${f.tag.id}` },
  { file: "app/(site)/admin/users/page.tsx", access: "admin", path: () => "/admin/users" },
  { file: "app/(site)/admin/mail/page.tsx", access: "admin", path: () => "/admin/mail" },
  { file: "app/(site)/admin/export/page.tsx", access: "admin", path: () => "/admin/export" },
  { file: "app/(site)/moderate/page.tsx", access: "moderator", path: () => "/moderate" },
  { file: "app/(site)/moderate/discussions/page.tsx", access: "moderator", path: () => "/moderate/discussions" },
  { file: "app/(site)/moderate/log/page.tsx", access: "moderator", path: () => "/moderate/log" },
  { file: "app/(site)/moderate/posts/page.tsx", access: "moderator", path: (f) => `/moderate/posts?address=${f.readerPost.id}` },
  { file: "app/(site)/moderate/posts/[id]/page.tsx", access: "moderator", path: (f) => `/moderate/posts/${f.readerPost.id}` },
  { file: "app/(site)/moderate/settings/page.tsx", access: "admin", path: () => "/moderate/settings" },
];

/* ------------------------------------------------------- server actions */

/** Where one try of a server action acts: the page whose form it replays, and what it would change. */
export type FormTry = {
  page: string;
  form: FormSelector;
  /** Changes to the rendered form that make it a real submission (unique names, the choice made). */
  fields?: Record<string, string>;
  target?: () => Promise<unknown>;
};

export type ActionEntry = {
  file: string;
  /** The action's export in that file; with `intent`, one button of a shared action. */
  name: string;
  intent?: string;
  access: Access;
  /** Where one try acts; `role` is who sends it (a discarded autosave must be theirs). */
  at: (w: Workbench, role: TestRole) => Promise<FormTry>;
  /** A success changes its target for good: each successful try needs one of its own. */
  destructive?: boolean;
  /** Records what an accepted try made, for the workbench to remove. */
  undo?: (w: Workbench, t: FormTry) => Promise<void>;
  /** Fields that name a record or a revision by number. */
  ids?: string[];
  /** Every field is optional: the action may accept any text (logging out). */
  lenient?: boolean;
  /** Who sends it in the bad-input sweep, and whose view of the page is replayed there. */
  sender?: TestRole;
};

const POST_FORM = 'form[method="post" i]';
const byLabel = (label: string, submitter?: FormSelector["submitter"]): FormSelector => ({
  selector: `form[aria-label="${label}"]`,
  submitter,
});
const intent = (value: string) => ({ name: "intent", value });

/** The collections' forms: New …, Edit …, Delete … */
function curationActions(
  folder: "categories" | "facts" | "history" | "tags",
  names: [create: string, update: string, remove: string],
  newForm: { page: string; label: string; fields: () => Record<string, string> },
  deleteLabel: string,
  make: (w: Workbench) => Promise<number>,
  fixtureId: (f: Fixtures) => number,
  find: (w: Workbench, id: number) => Promise<unknown>,
  findByName: (w: Workbench, fields: Record<string, string>) => Promise<{ id: number } | null>,
  kind: "tags" | "categories" | "facts" | "events",
): ActionEntry[] {
  const file = `app/(site)/admin/${folder}/actions.ts`;
  return [
    {
      file,
      name: names[0],
      access: "editor",
      at: async (w) => {
        const fields = newForm.fields();
        return { page: newForm.page, form: byLabel(newForm.label), fields, target: () => findByName(w, fields) };
      },
      undo: async (w, t) => {
        const made = await findByName(w, t.fields!);
        if (made) w.remember(kind, made.id);
      },
    },
    {
      file,
      name: names[1],
      access: "editor",
      ids: ["id"],
      at: async (w) => {
        const id = fixtureId(w.fixtures);
        const fields = newForm.fields();
        return {
          page: `/admin/${folder}/${id}`,
          form: { selector: 'form[aria-label^="Edit "]' },
          // Only the name or title changes: the rest stays as the form shows it.
          fields: Object.fromEntries(Object.entries(fields).filter(([name]) => name === "name" || name === "title")),
          target: () => find(w, id),
        };
      },
    },
    {
      file,
      name: names[2],
      access: "editor",
      ids: ["id"],
      destructive: true,
      at: async (w) => {
        const id = await make(w);
        return { page: `/admin/${folder}/${id}`, form: byLabel(deleteLabel), target: () => find(w, id) };
      },
    },
  ];
}

const MODERATE = "app/(site)/moderate/actions.ts";

/** One button of a post's moderation form, on the post's own page. */
function postIntent(action: string, post: (w: Workbench) => Promise<number>): ActionEntry {
  return {
    file: MODERATE,
    name: "moderate",
    intent: action,
    access: "moderator",
    destructive: true,
    ids: ["commentId", "expectedVersion"],
    at: async (w) => {
      const id = await post(w);
      return {
        page: `/moderate/posts/${id}`,
        form: byLabel(`Moderate post #${id}`, intent(action)),
        target: () => w.db.comment.findUnique({ where: { id } }),
      };
    },
  };
}

export const ACTIONS: ActionEntry[] = [
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "createArticleFromForm",
    access: "editor",
    ids: ["categoryId", "authorId"],
    at: async (w) => {
      const title = `A new article ${token()}`;
      return {
        page: "/admin/articles/new",
        form: { selector: "form.article-editor" },
        fields: {
          title,
          summary: "What it is about.",
          body: "Its text.",
          categoryId: String(w.fixtures.category.id),
          authorId: String(w.fixtures.editorId),
        },
        target: () => w.db.article.findFirst({ where: { title } }),
      };
    },
    undo: async (w, t) => {
      const made = await w.db.article.findFirst({ where: { title: t.fields!.title } });
      if (made) w.remember("articles", made.id);
    },
  },
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "saveArticleFromForm",
    access: "editor",
    destructive: true,
    ids: ["articleId", "baseRevision", "categoryId", "authorId"],
    at: async (w) => {
      const { id } = await w.draft();
      return {
        page: `/admin/articles/${id}`,
        form: { selector: "form.article-editor", submitter: intent("save") },
        fields: { body: `Saved text ${token()}` },
        target: () => w.db.article.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "deleteArticleFromForm",
    access: "editor",
    destructive: true,
    ids: ["articleId"],
    at: async (w) => {
      const { id } = await w.draft();
      return {
        page: `/admin/articles/${id}`,
        form: { selector: "form.article-action", containing: "Move to the bin" },
        target: () => w.db.article.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "restoreArticleFromForm",
    access: "editor",
    destructive: true,
    ids: ["articleId"],
    at: async (w) => {
      const { id } = await w.binned();
      return {
        page: `/admin/articles/${id}`,
        form: { selector: "form.article-action", containing: "Restore from the bin" },
        target: () => w.db.article.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "restoreRevisionFromForm",
    access: "editor",
    destructive: true,
    ids: ["articleId", "number", "baseRevision"],
    at: async (w) => {
      const { id } = await w.revised();
      return {
        page: `/admin/articles/${id}/revisions?from=1&to=2`,
        form: { selector: "form.article-action", containing: "Restore revision 1" },
        target: () => w.db.article.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: "app/(site)/admin/articles/actions.ts",
    name: "discardAutosaveFromForm",
    access: "editor",
    destructive: true,
    ids: ["articleId"],
    at: async (w, role) => {
      const { id } = await w.draft();
      // The button shows beside the viewer's (the admin's) autosave, and discards the sender's own.
      await w.autosave("admin", id);
      if (role === "editor") await w.autosave("editor", id);
      return {
        page: `/admin/articles/${id}`,
        form: { selector: "form.article-action", containing: "Discard the autosaved changes" },
        target: () => w.db.articleAutosave.findMany({ where: { articleId: id }, orderBy: { userId: "asc" } }),
      };
    },
  },
  ...curationActions(
    "categories",
    ["createCategoryFromForm", "updateCategoryFromForm", "deleteCategoryFromForm"],
    { page: "/admin/categories", label: "New category", fields: () => ({ name: `Category ${token()}` }) },
    "Delete category",
    async (w) => (await w.category()).id,
    (f) => f.category.id,
    (w, id) => w.db.category.findUnique({ where: { id } }),
    (w, fields) => w.db.category.findFirst({ where: { name: fields.name } }),
    "categories",
  ),
  ...curationActions(
    "facts",
    ["createFactFromForm", "updateFactFromForm", "deleteFactFromForm"],
    {
      page: "/admin/facts/new",
      label: "New fact",
      fields: () => ({ title: `A fact ${token()}`, summary: "Something true.", body: "The longer story." }),
    },
    "Delete fact",
    async (w) => (await w.fact()).id,
    (f) => f.fact.id,
    (w, id) => w.db.fact.findUnique({ where: { id } }),
    (w, fields) => w.db.fact.findFirst({ where: { title: fields.title } }),
    "facts",
  ),
  ...curationActions(
    "history",
    ["createHistoryEventFromForm", "updateHistoryEventFromForm", "deleteHistoryEventFromForm"],
    {
      page: "/admin/history?month=3&day=4",
      label: "New event",
      fields: () => ({ month: "3", day: "4", year: "1903", title: `An event ${token()}`, text: "What happened." }),
    },
    "Delete event",
    (w) => w.event(),
    (f) => f.event.id,
    (w, id) => w.db.historyEvent.findUnique({ where: { id } }),
    (w, fields) => w.db.historyEvent.findFirst({ where: { title: fields.title } }),
    "events",
  ),
  ...curationActions(
    "tags",
    ["createTagFromForm", "updateTagFromForm", "deleteTagFromForm"],
    { page: "/admin/tags", label: "New tag", fields: () => ({ name: `tag ${token()}` }) },
    "Delete tag",
    (w) => w.tag(),
    (f) => f.tag.id,
    (w, id) => w.db.tag.findUnique({ where: { id } }),
    (w, fields) => w.db.tag.findFirst({ where: { name: fields.name } }),
    "tags",
  ),
  ...(
    [
      ["changeRoleFromForm", "Role of", {}, { role: "MODERATOR" }],
      ["disableUserFromForm", "Access of", {}, {}],
      ["enableUserFromForm", "Access of", { disabled: true }, {}],
    ] as const
  ).map(([name, label, options, fields]): ActionEntry => ({
    file: "app/(site)/admin/users/actions.ts",
    name,
    access: "admin",
    destructive: true,
    ids: ["userId"],
    at: async (w) => {
      const { id, username } = await w.member(options);
      return {
        page: `/admin/users?q=${username}`,
        form: byLabel(`${label} ${username}`),
        fields,
        target: () => w.db.user.findUnique({ where: { id } }),
      };
    },
  })),
  postIntent("approve", (w) => w.pendingPost()),
  postIntent("reject", (w) => w.pendingPost()),
  postIntent("spam", (w) => w.pendingPost()),
  postIntent("delete", (w) => w.pendingPost()),
  postIntent("restore", (w) => w.removedPost()),
  postIntent("dismiss-reports", (w) => w.reportedPost()),
  {
    file: MODERATE,
    name: "moderate",
    intent: "selection",
    access: "moderator",
    destructive: true,
    ids: ["selected"],
    at: async (w) => {
      const id = await w.pendingPost();
      return {
        page: "/moderate",
        form: { selector: "#queue-selection" },
        fields: { selected: `${id}:0`, action: "approve", intent: "selection" },
        target: () => w.db.comment.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: MODERATE,
    name: "moderate",
    intent: "edit",
    access: "moderator",
    destructive: true,
    ids: ["commentId", "expectedVersion"],
    at: async (w) => {
      const id = await w.pendingPost();
      return {
        page: `/moderate/posts/${id}`,
        form: byLabel(`Edit post #${id}`, intent("edit")),
        fields: { body: `Edited by a moderator ${token()}` },
        target: () => w.db.comment.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: MODERATE,
    name: "moderate",
    intent: "undo",
    access: "moderator",
    destructive: true,
    ids: ["commentId", "expectedVersion"],
    at: async (w) => {
      const id = await w.moderatedPost();
      // The undo button appears after an action; the post page's form carries the same fields.
      return {
        page: `/moderate/posts/${id}`,
        form: byLabel(`Moderate post #${id}`),
        fields: { intent: "undo" },
        target: () => w.db.comment.findUnique({ where: { id } }),
      };
    },
  },
  ...(
    [
      ["ban", "Ban", undefined, { reason: "Posting the same advert again and again." }],
      ["unban", "Lift the ban on", new Date(Date.now() + 7 * 86_400_000), {}],
    ] as const
  ).map(([action, label, bannedUntil, fields]): ActionEntry => ({
    file: MODERATE,
    name: "moderate",
    intent: action,
    access: "moderator",
    destructive: true,
    ids: ["userId"],
    at: async (w) => {
      const { member, postId } = await w.memberWithPost({ bannedUntil });
      return {
        page: `/moderate/posts/${postId}`,
        form: byLabel(`${label} ${member.username}`, intent(action)),
        fields,
        target: () => w.db.user.findUnique({ where: { id: member.id } }),
      };
    },
  })),
  {
    file: MODERATE,
    name: "changeDiscussion",
    access: "moderator",
    destructive: true,
    ids: ["articleId"],
    at: async (w) => {
      const { id } = await w.published();
      const { title } = await w.db.article.findUniqueOrThrow({ where: { id } });
      return {
        page: "/moderate/discussions",
        form: byLabel(`Discussion of ${title}`, { name: "state", value: "closed" }),
        target: () => w.db.article.findUnique({ where: { id } }),
      };
    },
  },
  {
    file: MODERATE,
    name: "savePolicies",
    access: "admin",
    at: async (w) => {
      const linkLimit = await w.db.siteSetting.findUnique({ where: { key: "linkLimit" } });
      const current = linkLimit ? Number(JSON.parse(linkLimit.value)) : 3;
      return {
        page: "/moderate/settings",
        form: { selector: "form.policies-form" },
        fields: { linkLimit: String(current + 1) },
        target: () => w.db.siteSetting.findUnique({ where: { key: "linkLimit" } }),
      };
    },
    undo: async (w, t) => {
      // Back to what it was: the setting row as it stood before this try.
      const before = Number(t.fields!.linkLimit) - 1;
      const value = JSON.stringify(before);
      await w.db.siteSetting.upsert({ where: { key: "linkLimit" }, create: { key: "linkLimit", value }, update: { value } });
    },
  },
  {
    file: "app/(site)/account/mentions/unsubscribe/[key]/actions.ts",
    name: "stopMentionEmailsFromForm",
    access: "anyone",
    sender: "guest",
    at: async (w) => ({
      page: `/account/mentions/unsubscribe/${w.fixtures.member.unsubscribeKey}`,
      form: { selector: POST_FORM, containing: "Stop mention emails" },
    }),
  },
  {
    file: "app/(site)/articles/[slug]/actions.ts",
    name: "postCommentFromForm",
    access: "anyone",
    at: async (w) => ({ page: `/articles/${w.fixtures.thread.slug}`, form: { selector: "form.comment-form" } }),
  },
  {
    file: "app/(site)/articles/[slug]/actions.ts",
    name: "followDiscussionFromForm",
    access: "anyone",
    sender: "guest",
    at: async (w) => ({ page: `/articles/${w.fixtures.thread.slug}`, form: { selector: "form.follow-discussion" } }),
  },
  {
    file: "app/(site)/forgot-password/actions.ts",
    name: "requestPasswordResetFromForm",
    access: "anyone",
    sender: "guest",
    at: async () => ({ page: "/forgot-password", form: { selector: POST_FORM, containing: "Send me a reset link" } }),
  },
  {
    file: "app/(site)/login/actions.ts",
    name: "logInFromForm",
    access: "anyone",
    sender: "guest",
    at: async () => ({ page: "/login", form: { selector: POST_FORM, containing: "Log in" } }),
  },
  {
    file: "app/(site)/login/actions.ts",
    name: "logOutFromForm",
    access: "anyone",
    lenient: true,
    at: async () => ({ page: "/login", form: { selector: "form.log-out-form" } }),
  },
  {
    file: "app/(site)/reset-password/actions.ts",
    name: "resetPasswordFromForm",
    access: "anyone",
    sender: "guest",
    at: async () => ({
      page: `/reset-password?token=no-such-token-${token()}`,
      form: { selector: POST_FORM, containing: "Set new password" },
    }),
  },
  {
    file: "app/(site)/signup/actions.ts",
    name: "signUpFromForm",
    access: "anyone",
    sender: "guest",
    at: async () => ({ page: "/signup", form: { selector: POST_FORM, containing: "Sign up" } }),
  },
];

/**
 * Actions whose form is rendered only behind an emailed secret or for one
 * person's own state, which this table cannot replay yet; each is covered by
 * the tests named here instead (permissions included). Listed, so a new
 * action still fails `unlistedEndpoints()` until it is added somewhere.
 */
export const NOT_REPLAYED: { file: string; name: string; coveredBy: string }[] = [
  { file: "app/(site)/signup/confirm/actions.ts", name: "confirmSignupFromForm", coveredBy: "accounts-signup, e2e accounts" },
  {
    file: "app/(site)/subscriptions/actions.ts",
    name: "confirmSubscriptionFromForm",
    coveredBy: "engagement-subscriptions, e2e engagement",
  },
  {
    file: "app/(site)/subscriptions/actions.ts",
    name: "unsubscribeFromForm",
    coveredBy: "engagement-subscriptions, e2e engagement",
  },
  { file: "app/(site)/account/email/actions.ts", name: "setMentionEmailsFromForm", coveredBy: "discussion-mentions" },
  { file: "app/(site)/account/actions.ts", name: "closeAccountFromForm", coveredBy: "accounts-own-data (every role)" },
  { file: "app/(site)/admin/mail/actions.ts", name: "retryMailFromForm", coveredBy: "engagement-outbox (every role)" },
];

/* ------------------------------------------------------------- coverage */

function filesUnder(dir: string, name: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => name.test(path.basename(file)))
    .map((file) => path.join(dir, file).split(path.sep).join("/"));
}

/**
 * What app/ has that the table does not list: route.ts files and the methods
 * they export, actions.ts exports, and back-office and moderation pages.
 * Empty when the table is complete.
 */
export function unlistedEndpoints(): string[] {
  const missing: string[] = [];
  for (const file of filesUnder("app", /^route\.ts$/)) {
    const listed = ROUTES.find((entry) => entry.file === file);
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1]!,
    );
    for (const method of methods) if (!listed?.methods[method as Method]) missing.push(`${method} ${file}`);
  }
  for (const file of filesUnder("app", /^actions\.ts$/)) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const [, name] of source.matchAll(/export (?:const|async function) (\w+)/g)) {
      const listed = [...ACTIONS, ...NOT_REPLAYED].some((entry) => entry.file === file && entry.name === name);
      if (!listed) missing.push(`${name} in ${file}`);
    }
  }
  // The moderation forms share one action; each button's `intent` is an entry of its own.
  const moderate = fs.readFileSync(path.join(ROOT, MODERATE), "utf8");
  const intents = [...POST_ACTIONS, ...[...moderate.matchAll(/^ {2}"?([\w-]+)"?\(fields\) \{/gm)].map((m) => m[1]!)];
  for (const name of intents) {
    if (!ACTIONS.some((entry) => entry.name === "moderate" && entry.intent === name)) missing.push(`moderate intent ${name}`);
  }
  for (const dir of ["app/(site)/admin", "app/(site)/moderate"]) {
    for (const file of filesUnder(dir, /^page\.tsx$/)) {
      if (!PRIVILEGED_PAGES.some((entry) => entry.file === file)) missing.push(`page ${file}`);
    }
  }
  return missing;
}
