import "server-only";
import { siteUrl, SITE_NAME } from "@/lib/config";
import type { OutgoingMail } from "@/lib/mail/send";
import { escapeHtml } from "@/lib/text";
import { pageOfPost } from "./queries";

const EXCERPT_LENGTH = 300;

/** The address of a post that stays right forever: its fixed page of the thread. */
export function postUrl(slug: string, number: number): string {
  return `${siteUrl()}/articles/${slug}/posts/${pageOfPost(number)}#post-${number}`;
}

export function mentionOptOutUrl(unsubscribeKey: string): string {
  return `${siteUrl()}/account/mentions/unsubscribe/${encodeURIComponent(unsubscribeKey)}`;
}

/** Where mail programs send RFC 8058 one-click unsubscribe requests. */
export function mentionOneClickUrl(unsubscribeKey: string): string {
  return `${siteUrl()}/api/account/mentions/unsubscribe/${encodeURIComponent(unsubscribeKey)}`;
}

/**
 * "Someone mentioned you". Every link is built from the configured site
 * address, never from a request's Host header, which an attacker controls.
 * The poster is named as the page names them: an anonymous poster stays anonymous.
 */
export function mentionEmail(mention: {
  to: { email: string; username: string; unsubscribeKey: string };
  posterName: string;
  article: { slug: string; title: string };
  post: { number: number; body: string };
}): OutgoingMail {
  const { to, posterName, article, post } = mention;
  const link = postUrl(article.slug, post.number);
  const optOut = mentionOptOutUrl(to.unsubscribeKey);
  const excerpt = post.body.length > EXCERPT_LENGTH ? `${post.body.slice(0, EXCERPT_LENGTH).trimEnd()}…` : post.body;
  const subject = `${posterName} mentioned you in “${article.title}”`;
  const text = [
    `Hello ${to.username},`,
    "",
    `${posterName} mentioned you in Post ${post.number} of the discussion of “${article.title}”:`,
    "",
    excerpt,
    "",
    `Read it and reply: ${link}`,
    "",
    "--",
    `You get this email because you have an account on ${SITE_NAME} and someone wrote @${to.username}.`,
    `To stop these emails, open: ${optOut}`,
  ].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(to.username)},</p>`,
    `<p>${escapeHtml(posterName)} mentioned you in Post ${post.number} of the discussion of “${escapeHtml(article.title)}”:</p>`,
    `<blockquote style="white-space: pre-wrap">${escapeHtml(excerpt)}</blockquote>`,
    `<p><a href="${escapeHtml(link)}">Read it and reply</a></p>`,
    `<hr><p style="font-size: smaller">You get this email because you have an account on ${SITE_NAME} and someone wrote @${escapeHtml(to.username)}.`,
    ` <a href="${escapeHtml(optOut)}">Stop emails when someone mentions me</a>.</p>`,
  ].join("\n");
  // Mail programs show their own "Unsubscribe" button for these two headers (RFC 2369, RFC 8058).
  const headers = {
    "List-Unsubscribe": `<${mentionOneClickUrl(to.unsubscribeKey)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  return { to: to.email, subject, text, html, headers };
}
