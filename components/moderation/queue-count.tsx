"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useCurrentUser } from "@/components/accounts/use-current-user";
import { requestJson } from "@/components/site/request-json";
import { MODERATED_EVENT } from "@/lib/moderation/moderated-event";

const MODERATING_ROLES = new Set(["moderator", "admin"]);
const REFRESH_MS = 60_000;
const countAnswer = z.object({ count: z.number().int().min(0) });

/**
 * "Queue (N)" in the header, for moderators and admins only. Filled in by the
 * browser after load, so the server's HTML stays the same for every reader
 * and public pages stay cacheable. Refreshed every minute while visible,
 * and at once after the moderator acts.
 */
export function QueueCount() {
  const user = useCurrentUser();
  const [count, setCount] = useState<number | null>(null);
  const moderates = !!user && MODERATING_ROLES.has(user.role);

  useEffect(() => {
    if (!moderates) return;
    let active = true;
    const reload = () => {
      void requestJson("/api/moderation/count", countAnswer).then((answer) => active && answer.ok && setCount(answer.data.count));
    };
    reload();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, REFRESH_MS);
    window.addEventListener(MODERATED_EVENT, reload);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener(MODERATED_EVENT, reload);
    };
  }, [moderates]);

  if (count === null) return null;
  return (
    <Link href="/moderate" className="queue-count" title="Moderation queue: posts waiting">
      Queue ({count})
    </Link>
  );
}
