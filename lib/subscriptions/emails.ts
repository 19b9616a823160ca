import "server-only";
import { siteUrl, SITE_NAME } from "@/lib/config";
import type { OutgoingMail } from "@/lib/mail/send";
import { escapeHtml } from "@/lib/text";
import { postUrl } from "@/lib/discussion/mention-email";

const EXCERPT_LENGTH = 200;

export function unsubscribePageUrl(key: string): string {
  return `${siteUrl()}/subscriptions/unsubscribe/${encodeURIComponent(key)}`;
}

/** Where mail programs POST RFC 8058 one-click unsubscribes. */
export function unsubscribeOneClickUrl(key: string): string {
  return `${siteUrl()}/api/subscriptions/unsubscribe/${encodeURIComponent(key)}`;
}

export function confirmationUrl(token: string): string {
  return `${siteUrl()}/subscriptions/confirm/${encodeURIComponent(token)}`;
}

type Article = { slug: string; title: string };

/** The double opt-in: nothing about the discussion is sent to a guest's address before they open this. */
export function confirmSubscriptionEmail(to: string, article: Article, token: string): OutgoingMail {
  const link = confirmationUrl(token);
  const lines = [
    `Someone, hopefully you, asked ${SITE_NAME} to email this address when there are new posts in the discussion of “${article.title}”.`,
    "To start, confirm with this link:",
    link,
    "If it was not you, ignore this email: nothing will be sent unless the link is opened and confirmed.",
  ];
  return {
    to,
    subject: `Confirm: new posts in “${article.title}”`,
    text: `${lines.join("\n\n")}\n`,
    html: [
      `<p>${escapeHtml(lines[0]!)}</p>`,
      `<p><a href="${escapeHtml(link)}">Confirm and follow the discussion</a></p>`,
      `<p>${escapeHtml(lines[3]!)}</p>`,
    ].join("\n"),
  };
}

export type DigestPost = { number: number; posterName: string; body: string };

/** One email for every new post in a discussion since the last one, each with the address of its anchor. */
export function threadDigestEmail(to: string, article: Article, posts: DigestPost[], unsubscribeKey: string): OutgoingMail {
  const optOut = unsubscribePageUrl(unsubscribeKey);
  const preferences = `${siteUrl()}/account/email`;
  const excerpt = (body: string) => (body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH).trimEnd()}…` : body);
  const count = posts.length === 1 ? "1 new post" : `${posts.length} new posts`;
  const text = [
    `${count} in the discussion of “${article.title}”:`,
    "",
    ...posts.flatMap((post) => [
      `Post ${post.number} by ${post.posterName}:`,
      excerpt(post.body),
      postUrl(article.slug, post.number),
      "",
    ]),
    "--",
    `You get this email because you follow this discussion on ${SITE_NAME}; at most one every 15 minutes.`,
    `Stop emails about this discussion: ${optOut}`,
    `All your email settings (signed in): ${preferences}`,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(count)} in the discussion of “${escapeHtml(article.title)}”:</p>`,
    ...posts.map(
      (post) =>
        `<p><a href="${escapeHtml(postUrl(article.slug, post.number))}">Post ${post.number}</a> by ${escapeHtml(post.posterName)}:</p>` +
        `<blockquote style="white-space: pre-wrap">${escapeHtml(excerpt(post.body))}</blockquote>`,
    ),
    `<hr><p style="font-size: smaller">You get this email because you follow this discussion on ${SITE_NAME}; at most one every 15 minutes.`,
    ` <a href="${escapeHtml(optOut)}">Stop emails about this discussion</a> · <a href="${escapeHtml(preferences)}">All your email settings</a>.</p>`,
  ].join("\n");
  return {
    to,
    subject: `${count} in “${article.title}”`,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${unsubscribeOneClickUrl(unsubscribeKey)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
