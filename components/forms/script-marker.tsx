"use client";
import { useEffect, useState } from "react";
import { SCRIPT_FIELD } from "@/lib/form-state";

/**
 * Inside a server action's form: once the page's script runs, tells the
 * action so (lib/forms.ts), which then answers in place instead of
 * redirecting. The server's HTML never has it, so a browser without script
 * gets post/redirect/get.
 */
export function ScriptMarker() {
  const [running, setRunning] = useState(false);
  useEffect(() => setRunning(true), []);
  return running ? <input type="hidden" name={SCRIPT_FIELD} value="1" /> : null;
}
