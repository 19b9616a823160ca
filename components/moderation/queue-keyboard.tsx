"use client";

import { useEffect, useRef } from "react";

const ITEM = "[data-queue-item]";

/**
 * Keyboard use of the queue: j / k move between posts, a approves (or keeps a
 * reported post), r rejects, x selects. Keys typed into a field are left alone.
 * After an action the next post takes focus, so a moderator can work down the
 * queue without the mouse.
 */
export function QueueKeyboard({ itemIds }: { itemIds: number[] }) {
  const focusAfterRefresh = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRefresh.current;
    if (index === null) return;
    focusAfterRefresh.current = null;
    const items = document.querySelectorAll<HTMLElement>(ITEM);
    items[Math.min(index, items.length - 1)]?.focus();
  }, [itemIds]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const items = [...document.querySelectorAll<HTMLElement>(ITEM)];
      const current = items.findIndex((item) => item.contains(document.activeElement));
      const press = (shortcut: string) => {
        const button = items[current]?.querySelector<HTMLElement>(`[data-shortcut="${shortcut}"]`);
        if (!button) return;
        focusAfterRefresh.current = current;
        button.click();
      };
      switch (event.key) {
        case "j":
          items[Math.min(current + 1, items.length - 1)]?.focus();
          break;
        case "k":
          items[Math.max(current - 1, 0)]?.focus();
          break;
        case "a":
          press("approve");
          break;
        case "r":
          press("reject");
          break;
        case "x":
          items[current]?.querySelector<HTMLInputElement>("input[name=selected]")?.click();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <p className="queue-keys" id="queue-keys">
      Keyboard: <kbd>j</kbd> / <kbd>k</kbd> next / previous post, <kbd>a</kbd> approve (or keep a reported post), <kbd>r</kbd>{" "}
      reject, <kbd>x</kbd> select.
    </p>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit"].includes(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}
