import "server-only";
import { siteUrl, SITE_NAME } from "@/lib/config";
import type { OutgoingMail } from "@/lib/mail/send";
import { escapeHtml } from "@/lib/text";

type Recipient = { email: string; username: string };

/**
 * The reset link is built from SITE_URL alone. Taking the host from the
 * request would let anyone who sends a forged Host or X-Forwarded-Host header
 * have a reader's token mailed to them as a link to their own site.
 */
export function passwordResetLink(token: string): string {
  return `${siteUrl()}/reset-password?token=${encodeURIComponent(token)}`;
}

export function passwordResetEmail(to: Recipient, token: string, validMinutes: number): OutgoingMail {
  const link = passwordResetLink(token);
  const intro = [
    `Hello ${to.username},`,
    `someone, hopefully you, asked to reset the password of your ${SITE_NAME} account "${to.username}".`,
    `To choose a new password, open this link within ${validMinutes} minutes. It works once:`,
  ];
  const outro = "If you did not ask for this, ignore this email: your password stays as it is.";
  return {
    to: to.email,
    subject: `Reset your ${SITE_NAME} password`,
    text: plainText([...intro, link, outro]),
    html: [
      ...intro.map(paragraph),
      `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>`,
      `<p>If the link does not open, copy this address into your browser:<br>${escapeHtml(link)}</p>`,
      paragraph(outro),
    ].join("\n"),
  };
}

export function passwordChangedEmail(to: Recipient): OutgoingMail {
  const lines = [
    `Hello ${to.username},`,
    `the password of your ${SITE_NAME} account "${to.username}" was just changed through a reset link, ` +
      "and every browser that was logged in to it has been logged out.",
    "If that was you, there is nothing more to do. If it was not, ask for a new reset link " +
      `at ${siteUrl()}/forgot-password straight away.`,
  ];
  return {
    to: to.email,
    subject: `Your ${SITE_NAME} password was changed`,
    text: plainText(lines),
    html: lines.map(paragraph).join("\n"),
  };
}

function plainText(paragraphs: string[]): string {
  return `${paragraphs.join("\n\n")}\n`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}
