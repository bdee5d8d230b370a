"use client";

import { useState } from "react";
import { Button } from "./ui/button";

/** A just-created key, shown this once with a copy button: Motif keeps only its hash. */
export function NewApiKey({ name, apiKey }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context and permission; the key stays selectable.
      setCopied("failed");
    }
  };
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-800" role="status">
      <p className="text-sm text-amber-900 dark:text-amber-100">
        Copy the key <strong>{name}</strong> now: it will not be shown again.
      </p>
      <div className="flex items-center gap-2">
        <code className="flex-1 select-all break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900" data-testid="new-api-key">
          {apiKey}
        </code>
        <Button type="button" variant="secondary" onClick={copy} data-testid="copy-api-key">
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "failed" && <p className="text-xs text-amber-900 dark:text-amber-100">The browser refused clipboard access; select the key and copy it.</p>}
    </div>
  );
}
