"use client";

import { useState } from "react";
import { buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";

const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The file name the server gave (Content-Disposition's exact `filename*`, else the plain one). */
function filenameOf(disposition: string | null): string {
  const exact = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? "")?.[1];
  if (exact) return decodeURIComponent(exact);
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "subject-access.json";
}

/**
 * A subject-access export (GET /admin/erasure/export): fetched rather than navigated to, so a
 * refusal (no such customer) is said here instead of replacing the page, and the id typed in
 * never lands in the address bar or the browser's history.
 */
export function ExportCustomerForm() {
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });
  return (
    <form
      aria-label="Subject-access export"
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const user = String(new FormData(event.currentTarget).get("user") ?? "").trim();
        setState({ busy: true });
        const response = await fetch(`/admin/erasure/export?user=${encodeURIComponent(user)}`).catch(() => null);
        if (!response?.ok) {
          const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
          setState({ busy: false, error: body?.error?.message ?? "The export failed; nothing was downloaded." });
          return;
        }
        const name = filenameOf(response.headers.get("content-disposition"));
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement("a"), { href: url, download: name });
        link.click();
        URL.revokeObjectURL(url);
        setState({ busy: false, done: `Downloaded ${name}. The export is on record in the access log.` });
      }}
    >
      <label className="block text-sm">
        User id or reference <input name="user" required maxLength={512} autoComplete="off" placeholder="usr-… or cus_…" className={input} />
      </label>
      <p className="text-xs text-slate-500">
        One JSON file, <strong>unmasked</strong>: their events, sessions, notes, resume links and who viewed their data. Send it to the customer only.
      </p>
      <button type="submit" disabled={state.busy} className={buttonClass("action")}>
        {state.busy ? "Preparing…" : "Download everything we hold"}
      </button>
      {state.error && (
        <Notice role="alert" tone="error">
          {state.error}
        </Notice>
      )}
      {state.done && (
        <Notice role="status" tone="success">
          {state.done}
        </Notice>
      )}
    </form>
  );
}
