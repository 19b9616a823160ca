import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listUndeliveredMail } from "@/lib/mail/outbox";
import { ConfirmButtonForm } from "@/components/forms/confirm-button-form";
import { retryMailFromForm } from "./actions";

export const metadata: Metadata = { title: "Email deliveries — back office", robots: { index: false } };

/** The outbox as admins see it: what has not gone out yet and what failed, never what an email says. */
export default async function MailPage() {
  const mail = await loadStaffPage("/admin/mail", (actor) => listUndeliveredMail(actor));
  return (
    <>
      <h1>Email deliveries</h1>
      <p className="lead">
        {mail.sent} sent, {mail.pending} waiting to be sent or retried, {mail.failed} failed after every retry.
      </p>
      {mail.messages.length === 0 ? (
        <p>Every email has gone out.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">To</th>
              <th scope="col">State</th>
              <th scope="col">Last error</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {mail.messages.map((message) => (
              <tr key={message.id}>
                <td>
                  {message.id}: {message.subject} ({message.kind})
                </td>
                <td>{message.to}</td>
                <td>
                  {message.status === "FAILED"
                    ? `failed after ${message.attempts} tries`
                    : `waiting (${message.attempts} tries; next ${message.nextAttemptAt.toISOString()})`}
                </td>
                <td>{message.lastError ?? ""}</td>
                <td>
                  {message.status === "FAILED" && (
                    <ConfirmButtonForm
                      action={retryMailFromForm}
                      fields={{ id: String(message.id) }}
                      prompt=""
                      button="Send again"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
