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
  return linkEmail(to, {
    subject: `Reset your ${SITE_NAME} password`,
    intro: [
      `Hello ${to.username},`,
      `someone, hopefully you, asked to reset the password of your ${SITE_NAME} account "${to.username}".`,
      `To choose a new password, open this link within ${validMinutes} minutes. It works once:`,
    ],
    link: passwordResetLink(token),
    linkLabel: "Choose a new password",
    outro: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}

/** Built from SITE_URL alone, for the same reason as the reset link. */
export function signupConfirmationLink(token: string): string {
  return `${siteUrl()}/signup/confirm?token=${encodeURIComponent(token)}`;
}

/** To an address with no account yet: the account is made only when this link is used. */
export function signupConfirmationEmail(to: Recipient, token: string, validHours: number): OutgoingMail {
  return linkEmail(to, {
    subject: `Confirm your ${SITE_NAME} account`,
    intro: [
      `Hello ${to.username},`,
      `someone, hopefully you, signed up for the ${SITE_NAME} account "${to.username}" with this email address.`,
      `To create the account, open this link within ${validHours} hours and confirm. It works once:`,
    ],
    link: signupConfirmationLink(token),
    linkLabel: "Confirm my account",
    outro: "If you did not sign up, ignore this email: no account is created without this link.",
  });
}

/**
 * To the owner of an address someone tried to sign up with: the sign-up's
 * answer was the same as for a new address, so this is where the owner learns
 * of it, and how to get back in if it was them.
 */
export function signupAttemptEmail(to: Recipient): OutgoingMail {
  const lines = [
    `Hello ${to.username},`,
    `someone, perhaps you, just tried to sign up for a new ${SITE_NAME} account with this email address. ` +
      `It already belongs to your account "${to.username}", so no new account was made.`,
    `To log in, go to ${siteUrl()}/login. If you have forgotten your password, choose a new one at ${siteUrl()}/forgot-password.`,
    "If it was not you, ignore this email: nothing about your account has changed.",
  ];
  return {
    to: to.email,
    subject: `Someone tried to sign up to ${SITE_NAME} with your email address`,
    text: plainText(lines),
    html: lines.map(paragraph).join("\n"),
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

type LinkEmail = { subject: string; intro: string[]; link: string; linkLabel: string; outro: string };

/** An email whose point is one link: the text, the link (as a button and as an address to copy), what to do otherwise. */
function linkEmail(to: Recipient, { subject, intro, link, linkLabel, outro }: LinkEmail): OutgoingMail {
  return {
    to: to.email,
    subject,
    text: plainText([...intro, link, outro]),
    html: [
      ...intro.map(paragraph),
      `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p>`,
      `<p>If the link does not open, copy this address into your browser:<br>${escapeHtml(link)}</p>`,
      paragraph(outro),
    ].join("\n"),
  };
}

function plainText(paragraphs: string[]): string {
  return `${paragraphs.join("\n\n")}\n`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}
