"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { CopyButton } from "../ui/copy-button";

/** A form whose server action answers a message, an error, or a secret to show exactly once. */
export function ActionForm({
  action,
  label,
  children,
  className,
  compact = false,
  confirm,
}: {
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  label: string;
  children: ReactNode;
  className?: string;
  /** a small text button, for a form in a table row */
  compact?: boolean;
  /** asked before an action that cannot be taken back */
  confirm?: string;
}) {
  const [result, run, pending] = useActionState(action, null);
  return (
    <form
      action={run}
      aria-label={label}
      className={className ?? "space-y-3"}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      <button
        type="submit"
        disabled={pending}
        className={
          compact
            ? "text-xs text-slate-500 underline hover:text-slate-900 disabled:opacity-60 dark:hover:text-white"
            : "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-amber-500 dark:text-slate-950"
        }
      >
        {pending ? "Working…" : label}
      </button>
      {result && !result.ok && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{result.error}</p>
      )}
      {result?.ok && (
        <div role="status" className="space-y-1 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          <p>{result.message}</p>
          {result.secret && (
            <div className="flex items-center gap-2">
              <code data-testid="secret" className="block flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">{result.secret}</code>
              <CopyButton text={result.secret} />
            </div>
          )}
        </div>
      )}
    </form>
  );
}
