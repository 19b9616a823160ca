"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { MODERATED_EVENT } from "@/lib/moderation/action-state";

const MODERATING_ROLES = new Set(["moderator", "admin"]);
const REFRESH_MS = 60_000;

/**
 * "Queue (N)" in the header, for moderators and admins only. Filled in by the
 * browser after load, so the server's HTML stays the same for every reader
 * and public pages stay cacheable. Refreshed every minute while visible,
 * and at once after the moderator acts.
 */
export function QueueCount() {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setInterval> | undefined;
    const reload = () => void load().catch(() => {});
    async function load() {
      const response = await fetch("/api/moderation/count", { cache: "no-store" });
      if (!response.ok) return;
      const { count } = (await response.json()) as { count: number };
      if (active) setCount(count);
    }
    async function start() {
      const me = await fetch("/api/account/me", { cache: "no-store" }).then((r) => r.json() as Promise<{ user: { role: string } | null }>);
      if (!active || !me.user || !MODERATING_ROLES.has(me.user.role)) return;
      await load();
      if (!active) return;
      timer = setInterval(() => {
        if (document.visibilityState === "visible") reload();
      }, REFRESH_MS);
      window.addEventListener(MODERATED_EVENT, reload);
    }
    start().catch(() => {});
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener(MODERATED_EVENT, reload);
    };
  }, []);

  if (count === null) return null;
  return (
    <Link href="/moderate" className="queue-count" title="Moderation queue: posts waiting">
      Queue ({count})
    </Link>
  );
}
