import type { Metadata } from "next";

export const metadata: Metadata = { title: "Free Widgets for your Site/Blog" };

export default function WidgetsPage() {
  return (
    <>
      <h1>Free Widgets for your Site/Blog</h1>
      <p className="lead">
        Soon you will be able to put a little of Quire on your own site, free of charge, with one line of HTML.
      </p>
      <p>We are preparing these widgets:</p>
      <ul>
        <li>
          <strong>Did you know?</strong>: a new surprising fact every day.
        </li>
        <li>
          <strong>This day in history</strong>: what happened on today&apos;s date.
        </li>
        <li>
          <strong>Latest articles</strong>: our newest answers, from every category or just the ones you choose.
        </li>
      </ul>
      <p>Each widget will be a small, fast embed that sets no cookies and tracks nobody.</p>
    </>
  );
}
