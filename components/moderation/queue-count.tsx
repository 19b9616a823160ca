"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

const MODERATING_ROLES = new Set(["moderator", "admin"]);
const REFRESH_MS = 60_000;

/**
 * "Queue (N)" in the header, for moderators and admins only. Filled in by the
 * browser after load, so the server's HTML stays the same for every reader
 * and public pages stay cacheable. Refreshed every minute while visible.
 */
export function QueueCount() {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setInterval> | undefined;
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
      timer = setInterval(() => document.visibilityState === "visible" && void load().catch(() => {}), REFRESH_MS);
    }
    start().catch(() => {});
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);

  if (count === null) return null;
  return (
    <Link href="/moderate" className="queue-count" title="Moderation queue: posts waiting">
      Queue ({count})
    </Link>
  );
}
