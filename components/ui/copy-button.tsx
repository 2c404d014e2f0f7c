"use client";

import { useState } from "react";

const BUTTON =
  "rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800";

/** Copies a value shown once (a key, a temporary password, a digest) so nobody retypes it. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 2_000);
      }}
      className={BUTTON}
    >
      {copied ? "Copied" : label}
    </button>
  );
}
