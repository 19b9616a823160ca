"use server";
import { z } from "zod";
import { formAction } from "@/lib/forms";
import { linkKeySchema } from "@/lib/subscriptions/schema";
import { confirmGuestSubscription, unsubscribe } from "@/lib/subscriptions/subscriptions";

/** The Confirm button of a guest's confirmation link: from now on, new posts are emailed. */
export const confirmSubscriptionFromForm = formAction(z.object({ token: linkKeySchema }), async ({ token }) => {
  const { articleTitle } = await confirmGuestSubscription(token);
  return {
    message: `Confirmed: you will get an email when there are new posts in the discussion of “${articleTitle}”, at most one every 15 minutes.`,
    redirectTo: "/subscriptions/done?what=confirmed",
  };
});

/** The button of a digest's unsubscribe link: no login needed, the key is the credential. */
export const unsubscribeFromForm = formAction(z.object({ key: linkKeySchema }), async ({ key }) => {
  await unsubscribe(key);
  return { message: "Done: you will get no more emails about this discussion.", redirectTo: "/subscriptions/done?what=stopped" };
});
