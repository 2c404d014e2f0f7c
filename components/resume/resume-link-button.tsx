"use client";

import { useState } from "react";
import { createResumeLinkAction, type CreatedLink } from "@/lib/actions/users";
import { formatWallClock } from "../replay/format-time";
import { COPY_BY_HAND, useCopy } from "../hooks/use-copy";

const BUTTON =
  "rounded border border-amber-400 bg-amber-50 px-2.5 py-1 text-sm text-amber-900 hover:bg-amber-100 disabled:opacity-60 " +
  "dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200";

/** Creates a resume link for the customer and shows it once, ready to copy into a reply. */
export function ResumeLinkButton({ userId, sessionId, label = "Create a resume link" }: { userId: string; sessionId: string | null; label?: string }) {
  const [result, setResult] = useState<CreatedLink | null>(null);
  const [pending, setPending] = useState(false);
  const { state: copyState, copy } = useCopy();
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setResult(await createResumeLinkAction(userId, sessionId));
          setPending(false);
        }}
        className={BUTTON}
      >
        {pending ? "Creating…" : label}
      </button>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {result.error}
        </p>
      )}
      {result?.ok && (
        <div role="status" className="space-y-1 rounded bg-emerald-50 p-2 text-xs text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          <p>Send this link to the customer. It works until {formatWallClock(Date.parse(result.expiresAt))} and can be revoked from their page.</p>
          <div className="flex items-center gap-2">
            <code
              data-testid="resume-link"
              className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-slate-900 dark:bg-slate-900 dark:text-slate-100"
            >
              {result.url}
            </code>
            <button
              type="button"
              onClick={(event) => copy(result.url, event.currentTarget)}
              className="rounded bg-slate-900 px-2 py-1 text-white dark:bg-slate-700"
            >
              {copyState === "copied" ? "Copied" : copyState === "by-hand" ? COPY_BY_HAND : "Copy"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
