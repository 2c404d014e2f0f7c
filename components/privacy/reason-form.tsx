"use client";

import { useState } from "react";

/** Asks why before anything is revealed; the reason goes into the audit trail with the reveal. */
export function ReasonForm({ label, onSubmit, onCancel }: { label: string; onSubmit: (reason: string) => Promise<string | null>; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      aria-label={label}
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const problem = await onSubmit(reason);
        setPending(false);
        setError(problem);
      }}
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the form opens when the user clicks Reveal; the reason field is what that click asked for
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label="Reason (ticket reference)"
        placeholder="Reason: ticket reference"
        maxLength={200}
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
      />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-600 disabled:opacity-60">
        {pending ? "Revealing…" : label}
      </button>
      <button type="button" onClick={onCancel} className="text-xs text-slate-500 underline">
        Cancel
      </button>
      {error && (
        <span role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </form>
  );
}
