"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { CopyButton } from "../ui/copy-button";
import { buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";

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
        className={compact ? "text-xs text-slate-500 underline hover:text-slate-900 disabled:opacity-60 dark:hover:text-white" : buttonClass("action")}
      >
        {pending ? "Working…" : label}
      </button>
      {result && !result.ok && (
        <Notice role="alert" tone="error">
          {result.error}
        </Notice>
      )}
      {result?.ok && (
        <Notice as="div" role="status" tone="success" className="space-y-1">
          <p>{result.message}</p>
          {result.secret && (
            <div className="flex items-center gap-2">
              <code
                data-testid="secret"
                className="block flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100"
              >
                {result.secret}
              </code>
              <CopyButton text={result.secret} />
            </div>
          )}
        </Notice>
      )}
    </form>
  );
}
